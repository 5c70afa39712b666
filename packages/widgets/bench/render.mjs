// Widget rendering benchmarks in real Chromium (Debian's; LINLI_CHROMIUM overrides). `npm run bench`.
// 1. <linli-roster> first render for 1,000 households × 52 weeks (target ≤ 50 ms).
// 2. <linli-vote> receiving 10,000 ballots from another writer in one burst (target ≤ 60 renders).
import { build } from 'esbuild';
import { chromium } from 'playwright';

const entry = `
import { createGovernance, fixedClock, MemoryStore, noHolidays } from '@linli/core';
import '@linli/widgets/all.js';
const run = async (gov, ...cs) => { for (const c of cs) { const r = await gov.execute(c); if (!r.ok) throw new Error(JSON.stringify(r.error)); } };

window.rosterBench = async () => {
  const gov = await createGovernance({ store: new MemoryStore(), clock: fixedClock('2026-11-29T02:00:00Z'), holidays: noHolidays });
  await run(gov, { type: 'community.found', name: '福泰' }, { type: 'building.add', name: '福泰大厦', id: 'b' }, { type: 'stairwell.add', buildingId: 'b', name: 'A', id: 's' });
  for (let i = 0; i < 1000; i++) {
    const id = 'u' + String(i).padStart(4, '0');
    await run(gov, { type: 'unit.add', stairwellId: 's', room: String(1000 + i), floor: 1 + Math.floor(i / 40), area: 9000, areaSource: 'registered', id },
      { type: 'resident.moveIn', unitId: id, birthYear: i % 5 === 0 ? 1935 : 1980, date: '2010-01-01' });
  }
  await run(gov, { type: 'duty.define', id: 'd', name: '门厅保洁', scope: { kind: 'building', id: 'b' }, rrule: 'FREQ=WEEKLY;BYDAY=MO', start: '2026-11-30', time: '08:00', durationMinutes: 60, exemptAge: 80, teamSize: 3 });
  const el = document.createElement('linli-roster');
  el.setAttribute('duty', 'd');
  el.setAttribute('weeks', '52');
  el.governance = gov;
  el.now = new Date('2026-11-30T00:00:00Z');
  const start = performance.now();
  document.body.append(el);
  await el.updateComplete;
  const first = performance.now() - start;
  const rows = el.shadowRoot.querySelectorAll('[part~=slot]').length;
  el.view = 'month';
  const m0 = performance.now();
  await el.updateComplete;
  return { first, month: performance.now() - m0, rows };
};

window.voteBench = async () => {
  const store = new MemoryStore();
  const gov = await createGovernance({ store, clock: fixedClock('2026-11-29T02:00:00Z'), holidays: noHolidays });
  await run(gov, { type: 'community.found', name: 'C' }, { type: 'building.add', name: 'B', id: 'b' }, { type: 'stairwell.add', buildingId: 'b', name: 'S', id: 's' });
  for (let i = 0; i < 100; i++) {
    const id = 'u' + i;
    await run(gov, { type: 'unit.add', stairwellId: 's', room: String(100 + i), floor: 1, area: 8000, areaSource: 'registered', id },
      { type: 'owner.register', name: 'o' + i, kind: 'person', id: 'o' + i }, { type: 'unit.transfer', unitId: id, ownerIds: ['o' + i], date: '2012-01-01' });
  }
  await run(gov, { type: 'motion.draft', id: 'm', title: '加装电梯', kind: 'proposal', scope: { kind: 'stairwell', id: 's' }, basis: 'owners', rule: 'civilCode278.major', closesAt: '2026-12-20T10:00:00Z' }, { type: 'motion.open', motionId: 'm' });
  const el = document.createElement('linli-vote');
  el.setAttribute('motion', 'm');
  el.governance = gov;
  document.body.append(el);
  await el.updateComplete;
  let renders = 0;
  const render = el.render.bind(el);
  el.render = () => { renders++; return render(); };
  // Responsiveness: the longest gap between animation frames during the burst.
  let last = performance.now(), worst = 0, ticking = true;
  const frame = () => { const now = performance.now(); worst = Math.max(worst, now - last); last = now; if (ticking) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  const writer = await createGovernance({ store, verifyOnLoad: false });
  const start = performance.now();
  const burst = [];
  for (let i = 0; i < 10000; i++) burst.push(writer.execute({ type: 'ballot.cast', motionId: 'm', voterId: 'o' + (i % 100), vote: i % 4 ? 'yes' : 'no' }));
  await Promise.all(burst);
  await new Promise((r) => setTimeout(r, 250));
  await el.updateComplete;
  ticking = false;
  return { renders, ms: performance.now() - start, worstFrameGap: worst };
};
`;

const bundle = await build({
  stdin: { contents: entry, resolveDir: new URL('..', import.meta.url).pathname, loader: 'js' },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  write: false,
});
const code = bundle.outputFiles[0].text;

const browser = await chromium.launch({
  executablePath: process.env.LINLI_CHROMIUM || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage();
await page.setContent('<!doctype html><html lang="zh-CN"><body></body></html>');
await page.addScriptTag({ content: code, type: 'module' });
await page.waitForFunction(() => typeof window.rosterBench === 'function');
const roster = await page.evaluate(() => window.rosterBench());
const vote = await page.evaluate(() => window.voteBench());
await browser.close();

console.log('\nWidgets in Chromium\n');
console.log('| scenario | measured | target | result |');
console.log('|---|---:|---|---|');
console.log(
  `| <linli-roster> first render, 1,000 households × 52 weeks (${roster.rows} rows) | ${roster.first.toFixed(1)} ms | ≤ 50 ms | ${roster.first <= 50 ? 'met' : 'MISSED'} |`,
);
console.log(`| <linli-roster> switch to month view | ${roster.month.toFixed(1)} ms | — | — |`);
console.log(
  `| <linli-vote> renders during a 10,000-ballot burst | ${vote.renders} | ≤ 60 | ${vote.renders <= 60 ? 'met' : 'MISSED'} |`,
);
console.log(
  `| <linli-vote> burst duration / longest frame gap | ${vote.ms.toFixed(0)} ms / ${vote.worstFrameGap.toFixed(0)} ms | — | — |`,
);
