// Builds the seed scenario (新福康里) with @linli/core and publishes the read-only view the demo page
// embeds: demo/seed-view.json. Run by `npm run build`.
import { writeFileSync } from 'node:fs';
import { createGovernance, fixedClock, MemoryStore, publishView, sequentialIds } from '@linli/core';
import { seedScenario } from '@linli/core/seed';

const gov = await createGovernance({
  store: new MemoryStore(),
  clock: fixedClock('2026-11-29T02:00:00Z'),
  ids: sequentialIds(),
  actor: 'residents-committee',
});
await seedScenario(gov);
const view = publishView(gov, { asOf: '2026-11-29', rosterUntil: '2027-03-31' });
writeFileSync(new URL('../demo/seed-view.json', import.meta.url), `${JSON.stringify(view)}\n`);
console.log(
  `demo/seed-view.json: ${view.motions.length} motions, ${Object.keys(view.rosters).length} roster(s), ${Object.keys(view.funds).length} funds`,
);
