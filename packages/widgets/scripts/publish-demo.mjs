// Builds the seed scenario (新福康里, Building 96) with @linli/core and publishes the read-only view the
// demo page embeds: demo/seed-view.json. Run by `npm run build`.
import { writeFileSync } from 'node:fs';
import { createGovernance, fixedClock, MemoryStore, publishView, sequentialIds } from '@linli/core';

const gov = await createGovernance({
  store: new MemoryStore(),
  clock: fixedClock('2026-11-29T02:00:00Z'),
  ids: sequentialIds(),
  actor: 'residents-committee',
});
const run = async (...commands) => {
  for (const command of commands) {
    const result = await gov.execute(command);
    if (!result.ok) throw new Error(`${command.type}: ${result.error.message.en}`);
  }
};

await run(
  { type: 'community.found', name: '新福康里', id: 'xfkl' },
  { type: 'building.add', name: '96号楼', id: 'b96' },
  { type: 'stairwell.add', buildingId: 'b96', name: '1单元', id: 's1' },
  { type: 'owner.register', name: '王建国', kind: 'person', id: 'o-wang' },
);
for (let floor = 1; floor <= 6; floor++) {
  for (const [suffix, area] of [
    ['01', 7532],
    ['02', 8868],
  ]) {
    const room = `${floor}${suffix}`;
    const owner = floor === 5 ? 'o-wang' : `o${room}`;
    await run({
      type: 'unit.add',
      stairwellId: 's1',
      room,
      floor,
      area,
      areaSource: 'registered',
      id: `u${room}`,
    });
    if (owner !== 'o-wang')
      await run({ type: 'owner.register', name: `${room}室业主`, kind: 'person', id: owner });
    const elderly = room === '102' || room === '202';
    await run(
      { type: 'unit.transfer', unitId: `u${room}`, ownerIds: [owner], date: '2012-05-01' },
      { type: 'resident.moveIn', unitId: `u${room}`, birthYear: elderly ? 1941 : 1978, date: '2012-06-01' },
    );
  }
}

// The elevator vote (Civil Code Art. 278, matter 7), half-way through.
await run(
  {
    type: 'motion.draft',
    id: 'lift',
    title: '96号楼1单元加装电梯',
    body: '同意按设计方案在1单元北侧加装电梯一部，费用按楼层系数分摊。',
    kind: 'proposal',
    scope: { kind: 'stairwell', id: 's1' },
    basis: 'owners',
    rule: 'civilCode278.major',
    mustConsent: ['u101', 'u102'],
    closesAt: '2026-12-20T10:00:00Z',
  },
  { type: 'motion.open', motionId: 'lift' },
);
for (const [voterId, vote] of [
  ['o101', 'yes'],
  ['o201', 'yes'],
  ['o202', 'yes'],
  ['o301', 'yes'],
  ['o302', 'no'],
  ['o401', 'yes'],
  ['o-wang', 'yes'],
]) {
  await run({ type: 'ballot.cast', motionId: 'lift', voterId, vote });
}
await run({
  type: 'motion.draft',
  id: 'convention',
  title: '电梯使用公约',
  body: '第一条 文明乘梯。第二条 宠物须抱起或牵紧。',
  kind: 'proposal',
  scope: { kind: 'building', id: 'b96' },
  basis: 'households',
  rule: 'simpleMajority',
  closesAt: '2027-01-10T10:00:00Z',
});

// The cost split: floors 1–2 exempt, then 0.7 … 1.0 × area, after a 40% district subsidy.
await run(
  {
    type: 'scheme.define',
    id: 'lift-cost',
    name: '加装电梯费用分摊',
    scope: { kind: 'stairwell', id: 's1' },
    basis: { kind: 'floorCoefficients', coefficients: { 1: 0, 2: 0, 3: 70, 4: 80, 5: 90, 6: 100 } },
    subsidy: { kind: 'percent', basisPoints: 4000, cap: 24_000_000 },
  },
  { type: 'fund.open', id: 'lift-fund', name: '96号楼电梯', budget: 60_000_000 },
  { type: 'fund.pledge', fundId: 'lift-fund', schemeId: 'lift-cost', cost: 60_000_000, due: '2026-12-31' },
  { type: 'fund.pay', fundId: 'lift-fund', unitId: 'u301', amount: 1_701_994 },
  { type: 'fund.pay', fundId: 'lift-fund', unitId: 'u601', amount: 4_862_841 },
  {
    type: 'fund.income',
    fundId: 'lift-fund',
    amount: 80_000,
    relatedCosts: 20_000,
    source: '电梯广告 2026-11',
  },
);

// Cleaning the elevator every Monday at 08:00; the over-80s are exempt.
await run({
  type: 'duty.define',
  id: 'clean',
  name: '清洁电梯',
  scope: { kind: 'stairwell', id: 's1' },
  rrule: 'FREQ=WEEKLY;BYDAY=MO',
  start: '2026-11-30',
  time: '08:00',
  durationMinutes: 60,
  exemptAge: 80,
});

const view = publishView(gov, { asOf: '2026-11-29', rosterUntil: '2027-03-31' });
writeFileSync(new URL('../demo/seed-view.json', import.meta.url), `${JSON.stringify(view)}\n`);
console.log(
  `demo/seed-view.json: ${view.motions.length} motions, ${Object.keys(view.rosters).length} roster, ${Object.keys(view.funds).length} fund`,
);
