// Builds the seed scenario (新福康里) with @linli/core and publishes the read-only view the demo page
// embeds: demo/seed-view.json. Run by `npm run build`.
import { writeFileSync } from 'node:fs';
import { publishView } from '@linli/core';
import { seededGovernance } from '@linli/core/seed';

const { governance: gov } = await seededGovernance();
const view = publishView(gov, { asOf: '2026-11-29', rosterUntil: '2027-03-31' });
writeFileSync(new URL('../demo/seed-view.json', import.meta.url), `${JSON.stringify(view)}\n`);
console.log(
  `demo/seed-view.json: ${view.motions.length} motions, ${Object.keys(view.rosters).length} roster(s), ${Object.keys(view.funds).length} funds`,
);
