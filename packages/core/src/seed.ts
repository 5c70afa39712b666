/**
 * `@linli/core/seed` — Linli's reference story as data (新福康里, Building 96, 福泰大厦), for demos,
 * Storybook and tests. Not needed to use Linli.
 *
 * @packageDocumentation
 */
export { BUILDING_96_AREAS, building96Commands } from './seed/building-96.js';
export { type SeedIds, type SeedProject, seedScenario } from './seed/seed-scenario.js';
export {
  type SeededGovernance,
  type SeededGovernanceOptions,
  seededGovernance,
} from './seed/seeded-governance.js';
// The seed's stairwell is where most stories open their motions; no vitest import comes with it.
export { type MotionDraft, openMotionCommands } from './testing/motion.js';
