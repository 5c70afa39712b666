import { createGovernance, type Governance } from '../governance/governance.js';
import { MemoryStore } from '../log/memory-store.js';
import type { EventStore } from '../log/store.js';
import { fixedClock } from '../time/clock.js';
import { sequentialIds } from '../time/ids.js';
import type { RandomSource } from '../time/random.js';
import { type SeedIds, seedScenario } from './seed-scenario.js';

/** Where {@link seededGovernance} keeps the seed and what it does after seeding. */
export interface SeededGovernanceOptions {
  /** The store to seed; a fresh {@link MemoryStore} unless given. It must be empty. */
  readonly store?: EventStore;
  /** Where the clock is moved once the seed is in (the seed itself always runs on 2026-11-29). */
  readonly now?: string;
  /** Randomness for the governance; the default cryptographic source unless given. */
  readonly random?: RandomSource;
  /** Who the seed's events name as their actor. */
  readonly actor?: string;
}

/** A governance holding the seed scenario, with the ids it created and the clock to move. */
export interface SeededGovernance {
  readonly governance: Governance;
  readonly store: EventStore;
  readonly clock: ReturnType<typeof fixedClock>;
  readonly ids: SeedIds;
}

/**
 * The seed scenario (新福康里) in a fresh governance: a clock pinned at 2026-11-29 02:00 UTC while it is
 * built, `kind-n` ids, and the residents' committee as actor. The one fixture tests and stories share,
 * so that no copy of the story drifts from it.
 */
export async function seededGovernance(options: SeededGovernanceOptions = {}): Promise<SeededGovernance> {
  const store = options.store ?? new MemoryStore();
  const clock = fixedClock('2026-11-29T02:00:00Z');
  const governance = await createGovernance({
    store,
    clock,
    ids: sequentialIds(),
    actor: options.actor ?? 'residents-committee',
    ...(options.random ? { random: options.random } : {}),
  });
  const ids = await seedScenario(governance);
  if (options.now !== undefined) clock.set(options.now);
  return { governance, store, clock, ids };
}
