import type {
  Basis,
  CommunityState,
  DecisionRule,
  MotionKind,
  MotionOption,
  RankedMethod,
  RoleDefinition,
  Scope,
  Secrecy,
  TieBreak,
} from '@linli/core';
import { rulePresetsFor, unitsIn } from '@linli/core';
import type { FundDraft } from './fund-draft.js';

/** The templates the wizard starts from; the project fund comes last, so the arrow-key paths to the others stay as they were. */
export const templateIds = [
  'elevator',
  'convention',
  'offers',
  'design',
  'election',
  'custom',
  'fund',
] as const;
export type TemplateId = (typeof templateIds)[number];

/** What the wizard's form holds: a `motion.draft` command in the making (times as `datetime-local` text). */
export interface WizardDraft {
  readonly template: TemplateId;
  readonly title: string;
  readonly body: string;
  readonly kind: MotionKind;
  readonly method?: RankedMethod;
  readonly seats?: number;
  readonly options: readonly MotionOption[];
  readonly scope: Scope;
  readonly basis: Basis;
  /** A built-in rule's id, from the presets the core says fit the kind, method and basis. */
  readonly rule: string;
  readonly mustConsent: readonly string[];
  readonly secrecy: Secrecy;
  readonly allowChange: boolean;
  readonly proxyCap: number;
  readonly tieBreak: TieBreak;
  /** `datetime-local` text in the reader's zone; empty: open as soon as the organizer opens it. */
  readonly opensAt: string;
  readonly closesAt: string;
  /** The election template: the role whose holders the motion elects (seated later by `role.appointFromMotion`). */
  readonly roleId?: string;
  /** The project fund template: the budget, each option's cost and the selection rule, as typed. */
  readonly fund?: FundDraft;
  /** A text motion: whether the households who will vote may propose amendments while it is a draft. */
  readonly residentAmendments?: boolean;
}

/** What a template reads from the community to fill itself in. */
export interface TemplateContext {
  readonly community: CommunityState;
  readonly roles: readonly RoleDefinition[];
  /** Now, in ms; the default deadline is a week later. */
  readonly now: number;
  /** The template's words (title, body, option labels) in the page's language. */
  readonly words: TemplateWords;
}

/** A template's pre-filled words in the page's language. */
export interface TemplateWords {
  readonly title: string;
  readonly body: string;
  readonly options: readonly string[];
}

/** Every preset rule the core accepts for this kind, method and basis. */
export const rulesFor = (d: Pick<WizardDraft, 'kind' | 'method' | 'basis'>): readonly DecisionRule[] =>
  rulePresetsFor({ kind: d.kind, basis: d.basis, ...(d.method === undefined ? {} : { method: d.method }) });

/**
 * `draft` with its rule kept if the core still accepts it for the draft's kind, method and basis, else
 * the first of `preferred` that fits, else the first that fits at all.
 */
export function fitRule(draft: WizardDraft, preferred: readonly string[] = []): WizardDraft {
  const fitting = rulesFor(draft).map((r) => r.id);
  if (fitting.includes(draft.rule)) return draft;
  const rule = preferred.find((id) => fitting.includes(id)) ?? fitting[0] ?? draft.rule;
  return { ...draft, rule };
}

/** The units of `scope` on the ground floor: whose owners must consent to an elevator. */
export const groundFloorUnits = (community: CommunityState, scope: Scope): string[] =>
  unitsIn(community, scope)
    .filter((u) => u.floor === 1)
    .map((u) => u.id);

/** `datetime-local` text for an instant, in the reader's zone. */
export function localInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
