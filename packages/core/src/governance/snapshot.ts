import * as z from 'zod/mini';
import { roomKey } from '../community/state.js';
import type { Building, Community, Owner, Resident, Stairwell, Unit } from '../community/types.js';
import { type LinliError, linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import type { LogHead } from '../log/event.js';
import { parseWith } from '../validation/zod-errors.js';
import { emptyState, type GovernanceState } from './state.js';

/** The snapshot format this version writes. Bump it, and add a migration, when the shape changes. */
export const SNAPSHOT_VERSION = 1;

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
});

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
    const migrate = options.migrations?.[v];
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
  return ok(state);
}
