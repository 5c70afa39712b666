import type { Scope } from '../community/queries.js';
import type { Entry } from './ledger.js';
import type { ProjectRecord } from './projects.js';
import type { SchemeSpec, SchemeUnit } from './scheme.js';

/** One version of a scheme, with the units frozen when it was made, so its figures can be reproduced. */
export interface SchemeVersion {
  readonly schemeId: string;
  readonly version: number;
  readonly spec: SchemeSpec;
  readonly units: readonly SchemeUnit[];
  readonly definedOn: string;
}

/** A fund (资金): a pot with a budget and a ledger. */
export interface Fund {
  readonly id: string;
  readonly name: string;
  readonly budget: number;
}

/** A recurring monthly charge, e.g. the doorman's wage. */
export interface Charge {
  readonly id: string;
  readonly fundId: string;
  readonly name: string;
  readonly monthlyAmount: number;
  readonly scope: Scope;
  readonly split: 'equal' | 'area';
  readonly start: string;
  readonly end?: string;
  /**
   * The day of the month (1–31) each month's bill falls due; absent means the first. In a shorter
   * month it falls due on the last day ({@link dueDateOf}).
   */
  readonly dueDay?: number;
}

/** The funds slice of governance state. */
export interface FundsState {
  readonly schemes: Map<string, SchemeVersion[]>;
  readonly funds: Map<string, Fund>;
  /** Every fund's entries, in log order. */
  readonly entries: Map<string, Entry[]>;
  readonly entryIndex: Map<string, Entry>;
  readonly reversed: Set<string>;
  readonly charges: Map<string, Charge>;
  /** Net income waiting to reduce each charge's next bills. */
  readonly offsetPools: Map<string, number>;
  /** `chargeId␟month` of every billed month. */
  readonly billed: Set<string>;
  /** What happened to each funded project (`projectKey(motion, project)`) since its motion closed. */
  readonly projects: Map<string, ProjectRecord>;
}

/** An empty funds state. */
export function emptyFundsState(): FundsState {
  return {
    schemes: new Map(),
    funds: new Map(),
    entries: new Map(),
    entryIndex: new Map(),
    reversed: new Set(),
    charges: new Map(),
    offsetPools: new Map(),
    billed: new Set(),
    projects: new Map(),
  };
}
