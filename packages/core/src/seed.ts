/**
 * `@linli/core/seed` — Linli's reference story as data (新福康里, Building 96, 福泰大厦), for demos,
 * Storybook and tests. Not needed to use Linli.
 *
 * @packageDocumentation
 */
export { type SeedIds, type SeedProject, seedScenario } from './seed/seed-scenario.js';
