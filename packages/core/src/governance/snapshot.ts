import * as z from 'zod/mini';
import type { Announcement } from '../announcements/announcement.js';
import { roomKey } from '../community/state.js';
import type { Building, Community, Owner, Resident, Stairwell, Unit } from '../community/types.js';
import { type LinliError, linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import type { Entry } from '../funds/ledger.js';
import type { Charge, Fund, SchemeVersion } from '../funds/state.js';
import type { LogHead } from '../log/event.js';
import type { RoleDefinition, Term } from '../roles/roles.js';
import type { Duty } from '../rotation/duty.js';
import type { LocalDate } from '../time/local-date.js';
import { parseWith } from '../validation/zod-errors.js';
import type { Ballot, Motion, ProxyAuthorization } from '../voting/motion.js';
import { indexMotion, type MotionState } from '../voting/state.js';
import { emptyState, type GovernanceState } from './state.js';

/** The snapshot format this version writes. Bump it, and add a migration, when the shape changes. */
export const SNAPSHOT_VERSION = 5;

/** A serialized state: plain JSON, safe to store or send, restorable with {@link restoreSnapshot}. */
export interface Snapshot {
  readonly version: number;
  /** The last event folded into this state; loading resumes from `head.seq`. */
  readonly head: LogHead;
  readonly community: {
    readonly community: Community | null;
    readonly buildings: readonly Building[];
    readonly stairwells: readonly Stairwell[];
    readonly units: readonly Unit[];
    readonly owners: readonly Owner[];
    readonly residents: readonly Resident[];
  };
  readonly voting: {
    readonly motions: readonly {
      readonly motion: Motion;
      /** The open motion's secret lottery salt (absent for drafts and older logs). */
      readonly lotterySalt?: string;
      readonly ballots: readonly Ballot[];
      readonly proxies: readonly ProxyAuthorization[];
      /** `twoPerson` motions: paper ballots waiting for a second check (absent when none). */
      readonly pendingPapers?: readonly Omit<Ballot, 'revision'>[];
    }[];
  };
  readonly funds: {
    readonly schemes: readonly SchemeVersion[];
    readonly funds: readonly Fund[];
    /** Every entry in log order. */
    readonly entries: readonly Entry[];
    readonly charges: readonly Charge[];
    readonly offsetPools: readonly (readonly [string, number])[];
    readonly billed: readonly string[];
  };
  readonly rotation: { readonly duties: readonly Duty[] };
  readonly roles: { readonly roles: readonly RoleDefinition[]; readonly terms: readonly Term[] };
  readonly announcements: {
    readonly announcements: readonly Announcement[];
    /** Per notice, each reading household and the day it first read. */
    readonly reads: readonly (readonly [string, readonly (readonly [string, string])[]])[];
    readonly showReaders: boolean;
  };
}

/** Upgrades a snapshot of version `n` to version `n + 1`. */
export type SnapshotMigration = (snapshot: Record<string, unknown>) => Record<string, unknown>;

/** Serializes a state. Entities are listed in insertion order, so equal states give equal snapshots. */
export function takeSnapshot(state: GovernanceState): Snapshot {
  const c = state.community;
  return {
    version: SNAPSHOT_VERSION,
    head: state.head,
    community: {
      community: c.community,
      buildings: [...c.buildings.values()],
      stairwells: [...c.stairwells.values()],
      units: [...c.units.values()],
      owners: [...c.owners.values()],
      residents: [...c.residents.values()],
    },
    voting: {
      motions: [...state.voting.motions.values()].map((entry) => ({
        motion: entry.motion,
        ...(entry.lotterySalt === undefined ? {} : { lotterySalt: entry.lotterySalt }),
        ballots: [...entry.ballots.values()],
        proxies: [...entry.proxies.values()],
        ...(entry.pendingPapers.size === 0 ? {} : { pendingPapers: [...entry.pendingPapers.values()] }),
      })),
    },
    funds: {
      schemes: [...state.funds.schemes.values()].flat(),
      funds: [...state.funds.funds.values()],
      entries: [...state.funds.entryIndex.values()],
      charges: [...state.funds.charges.values()],
      offsetPools: [...state.funds.offsetPools.entries()],
      billed: [...state.funds.billed],
    },
    rotation: { duties: [...state.rotation.duties.values()] },
    roles: { roles: [...state.roles.roles.values()], terms: [...state.roles.terms.values()] },
    announcements: {
      announcements: [...state.announcements.announcements.values()],
      reads: [...state.announcements.reads].map(([id, readers]) => [id, [...readers]] as const),
      showReaders: state.announcements.showReaders,
    },
  };
}

const id = z.string().check(z.minLength(1));
const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const area = z.int().check(z.gte(0));
const contact = z.optional(z.object({ phone: z.optional(z.string()), note: z.optional(z.string()) }));
const snapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  head: z.object({ seq: z.int().check(z.gte(0)), hash: z.string().check(z.regex(/^[0-9a-f]{64}$/)) }),
  community: z.object({
    community: z.nullable(z.object({ id, name: z.string() })),
    buildings: z.array(z.object({ id, name: z.string() })),
    stairwells: z.array(z.object({ id, buildingId: id, name: z.string() })),
    units: z.array(
      z.object({
        id,
        stairwellId: id,
        room: z.string(),
        floor: z.int(),
        areas: z.object({
          registered: z.optional(area),
          surveyed: z.optional(area),
          contract: z.optional(area),
        }),
        ownership: z.array(z.object({ ownerIds: z.array(id), from: date })),
      }),
    ),
    owners: z.array(
      z.object({
        id,
        name: z.string(),
        kind: z.enum(['person', 'organisation']),
        developer: z.boolean(),
        contact,
      }),
    ),
    residents: z.array(
      z.object({
        id,
        unitId: id,
        name: z.optional(z.string()),
        birthYear: z.optional(z.int()),
        contact,
        movedIn: date,
        movedOut: z.optional(date),
      }),
    ),
  }),
  // Motions are checked for shape at the top level; their contents were validated when decided.
  voting: z.object({
    motions: z.array(
      z.object({
        motion: z.looseObject({
          id,
          kind: z.string(),
          status: z.enum(['draft', 'open', 'closed', 'cancelled']),
          electorate: z.array(z.looseObject({ id })),
        }),
        lotterySalt: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
        ballots: z.array(z.looseObject({ voterId: id })),
        proxies: z.array(z.looseObject({ id, voterId: id })),
        pendingPapers: z.optional(z.array(z.looseObject({ voterId: id }))),
      }),
    ),
  }),
  funds: z.object({
    schemes: z.array(
      z.looseObject({ schemeId: id, version: z.int(), units: z.array(z.looseObject({ unitId: id })) }),
    ),
    funds: z.array(z.looseObject({ id, name: z.string(), budget: z.int() })),
    entries: z.array(z.looseObject({ id, fundId: id, kind: z.string(), amount: z.int(), date })),
    charges: z.array(z.looseObject({ id, fundId: id })),
    offsetPools: z.array(z.tuple([id, z.int()])),
    billed: z.array(z.string()),
  }),
  rotation: z.object({ duties: z.array(z.looseObject({ id, members: z.array(id) })) }),
  roles: z.object({
    roles: z.array(z.looseObject({ id, buildingId: id, seats: z.int() })),
    terms: z.array(z.looseObject({ id, roleId: id, holder: z.string(), from: date, until: date })),
  }),
  announcements: z.object({
    announcements: z.array(z.looseObject({ id, title: z.string(), body: z.string(), postedOn: date })),
    reads: z.array(z.tuple([id, z.array(z.tuple([id, date]))])),
    showReaders: z.boolean(),
  }),
});

/** Upgrades this package ships itself; a caller's own migration for the same version wins. */
const builtInMigrations: Readonly<Record<number, SnapshotMigration>> = {
  // Version 2 added voting.
  1: (old) => ({ ...old, version: 2, voting: { motions: [] } }),
  // Version 3 added funds.
  2: (old) => ({
    ...old,
    version: 3,
    funds: { schemes: [], funds: [], entries: [], charges: [], offsetPools: [], billed: [] },
  }),
  // Version 4 added duty rotation and roles.
  3: (old) => ({ ...old, version: 4, rotation: { duties: [] }, roles: { roles: [], terms: [] } }),
  // Version 5 added announcements.
  4: (old) => ({
    ...old,
    version: 5,
    announcements: { announcements: [], reads: [], showReaders: false },
  }),
};

/** Options of {@link restoreSnapshot}. */
export interface RestoreOptions {
  /** `migrations[n]` upgrades version n to n + 1; they run in order up to {@link SNAPSHOT_VERSION}. */
  readonly migrations?: Readonly<Record<number, SnapshotMigration>>;
}

/**
 * Rebuilds a state from a snapshot, upgrading older versions through `migrations` first. A snapshot
 * from a newer version, or one that fails validation, is refused with a typed error.
 */
export function restoreSnapshot(
  input: unknown,
  options: RestoreOptions = {},
): Result<GovernanceState, LinliError> {
  if (typeof input !== 'object' || input === null) return err(linliError('snapshot.invalid'));
  let current = input as Record<string, unknown>;
  const version = current.version;
  if (typeof version !== 'number' || !Number.isInteger(version))
    return err(linliError('snapshot.invalid', ['version']));
  for (let v = version; v < SNAPSHOT_VERSION; v++) {
    const migrate = options.migrations?.[v] ?? builtInMigrations[v];
    if (!migrate)
      return err(
        linliError('snapshot.unsupported_version', ['version'], { version, current: SNAPSHOT_VERSION }),
      );
    current = migrate(current);
  }
  if (version > SNAPSHOT_VERSION) {
    return err(
      linliError('snapshot.unsupported_version', ['version'], { version, current: SNAPSHOT_VERSION }),
    );
  }
  const parsed = parseWith(snapshotSchema, current);
  if (!parsed.ok) return parsed;
  const snapshot = parsed.value as unknown as Snapshot;
  const state = emptyState();
  state.head = snapshot.head;
  const c = state.community;
  c.community = snapshot.community.community;
  for (const b of snapshot.community.buildings) c.buildings.set(b.id, b);
  for (const s of snapshot.community.stairwells) c.stairwells.set(s.id, s);
  for (const u of snapshot.community.units) {
    c.units.set(u.id, u);
    c.rooms.add(roomKey(u.stairwellId, u.room));
  }
  for (const o of snapshot.community.owners) c.owners.set(o.id, o);
  for (const r of snapshot.community.residents) c.residents.set(r.id, r);
  for (const saved of snapshot.voting.motions) {
    const entry: MotionState = {
      motion: saved.motion,
      voterIndex: new Map(),
      memberIndex: new Map(),
      ballots: new Map(saved.ballots.map((b) => [b.voterId, b])),
      proxies: new Map(saved.proxies.map((p) => [p.id, p])),
      pendingPapers: new Map((saved.pendingPapers ?? []).map((b) => [b.voterId, b])),
      columns: null,
      ...(saved.lotterySalt === undefined ? {} : { lotterySalt: saved.lotterySalt }),
    };
    indexMotion(entry);
    state.voting.motions.set(saved.motion.id, entry);
  }
  const f = state.funds;
  for (const v of snapshot.funds.schemes)
    f.schemes.set(v.schemeId, [...(f.schemes.get(v.schemeId) ?? []), v]);
  for (const fund of snapshot.funds.funds) {
    f.funds.set(fund.id, fund);
    f.entries.set(fund.id, []);
  }
  for (const e of snapshot.funds.entries) {
    f.entries.get(e.fundId)?.push(e);
    f.entryIndex.set(e.id, e);
    if (e.reverses !== undefined) f.reversed.add(e.reverses);
  }
  for (const c of snapshot.funds.charges) f.charges.set(c.id, c);
  for (const [chargeId, pool] of snapshot.funds.offsetPools) f.offsetPools.set(chargeId, pool);
  for (const key of snapshot.funds.billed) f.billed.add(key);
  for (const d of snapshot.rotation.duties) state.rotation.duties.set(d.id, d);
  for (const r of snapshot.roles.roles) state.roles.roles.set(r.id, r);
  for (const t of snapshot.roles.terms) state.roles.terms.set(t.id, t);
  const a = state.announcements;
  for (const n of snapshot.announcements.announcements) a.announcements.set(n.id, n);
  for (const [id, readers] of snapshot.announcements.reads)
    a.reads.set(id, new Map(readers.map(([unitId, on]) => [unitId, on as LocalDate])));
  a.showReaders = snapshot.announcements.showReaders;
  return ok(state);
}
