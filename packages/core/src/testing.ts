/**
 * `@linli/core/testing` — what tests of Linli and of code built on it share: the event-store
 * conformance suite (vitest; an optional peer dependency), the seeded 新福康里 scenario as the one
 * fixture, and small builders for electorates and motions. Not for production code.
 *
 * @packageDocumentation
 */
export {
  BUILDING_96_AREAS,
  building96Commands,
  type SeededGovernance,
  type SeededGovernanceOptions,
  type SeedIds,
  type SeedProject,
  seededGovernance,
  seedScenario,
} from './seed.js';
export { coOwnedStairwellCommands } from './testing/co-owned.js';
export { executeAll } from './testing/execute-all.js';
export { type MotionDraft, openMotionCommands } from './testing/motion.js';
export { appendPlannedConformance } from './testing/planned-append-conformance.js';
export { type StairwellLayout, stairwellCommands } from './testing/stairwell.js';
export { storeConformance } from './testing/store-conformance.js';
