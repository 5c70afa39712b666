// A realistic small 小区 of 100 households, as a committee would set it up and run it for a few months:
// founded, five buildings of one stairwell (ten floors, two units a floor), owners (some co-owned, the
// developer's unsold units), residents, a closed election, an open proposal half voted, a draft, an
// upkeep fund billed and partly paid, and a weekly cleaning duty.
import { ballots, weeklyCleaning } from './shared-commands.mjs';

/** Households per community. */
export const HOUSEHOLDS = 100;
/** The motion a household can still vote on (the warm-ballot bench casts on it). */
export const OPEN_MOTION = 'paint';
/** When the generated community is built; the open motion closes long after. */
export const BUILT_AT = '2026-11-29T02:00:00Z';

const unitId = (b, floor, door) => `u${b}-${floor}0${door}`;

/** Every unit of the community, in order: building (1…5), floor (1…10), door (1…2). */
export function units() {
  const all = [];
  for (let b = 1; b <= 5; b++)
    for (let floor = 1; floor <= 10; floor++)
      for (let door = 1; door <= 2; door++) all.push({ id: unitId(b, floor, door), b, floor, door });
  return all;
}

/** The units sold to people (the developer keeps each building's top east flat). */
const sold = () => units().filter((u) => !(u.floor === 10 && u.door === 2));

function register(name) {
  const commands = [
    { type: 'community.found', name, id: 'c' },
    { type: 'owner.register', name: `${name}置业`, kind: 'organisation', developer: true, id: 'o-dev' },
  ];
  for (let b = 1; b <= 5; b++)
    commands.push(
      { type: 'building.add', name: `${b}号楼`, id: `b${b}` },
      { type: 'stairwell.add', buildingId: `b${b}`, name: '1单元', id: `s${b}` },
    );
  for (const [i, u] of units().entries()) {
    const area = u.door === 1 ? 7532 + (i % 7) * 11 : 8868 - (i % 5) * 13;
    commands.push({
      type: 'unit.add',
      stairwellId: `s${u.b}`,
      room: `${u.floor}0${u.door}`,
      floor: u.floor,
      area,
      areaSource: 'registered',
      id: u.id,
    });
    // The top floor's east flat is unsold; every tenth flat has a co-owner.
    if (u.floor === 10 && u.door === 2) {
      commands.push({ type: 'unit.transfer', unitId: u.id, ownerIds: ['o-dev'], date: '2012-05-01' });
      continue;
    }
    const owners = i % 10 === 3 ? [`o${u.id}`, `o${u.id}b`] : [`o${u.id}`];
    for (const [k, id] of owners.entries())
      commands.push({ type: 'owner.register', name: `业主${i}${k ? '乙' : '甲'}`, kind: 'person', id });
    commands.push({ type: 'unit.transfer', unitId: u.id, ownerIds: owners, date: '2012-05-01' });
    commands.push({ type: 'resident.moveIn', unitId: u.id, birthYear: 1940 + (i % 50), date: '2012-06-01' });
  }
  return commands;
}

function motions(random) {
  const all = sold();
  const commands = [
    {
      type: 'motion.draft',
      id: 'head',
      title: '选举楼组长',
      kind: 'single',
      options: [
        { id: 'zhang', label: '张阿姨' },
        { id: 'li', label: '李师傅' },
      ],
      scope: { kind: 'community' },
      basis: 'households',
      rule: 'simpleMajority',
      closesAt: '2026-12-05T10:00:00Z',
    },
    { type: 'motion.open', motionId: 'head' },
  ];
  for (const u of all)
    if (random() < 0.7)
      commands.push({
        type: 'ballot.cast',
        motionId: 'head',
        voterId: u.id,
        option: random() < 0.6 ? 'zhang' : 'li',
      });
  commands.push(
    { type: 'motion.close', motionId: 'head' },
    {
      type: 'motion.draft',
      id: OPEN_MOTION,
      title: '外墙粉刷',
      body: '同意使用维修资金粉刷外墙。',
      kind: 'proposal',
      scope: { kind: 'community' },
      basis: 'households',
      rule: 'simpleMajority',
      closesAt: '2027-12-20T10:00:00Z',
    },
    { type: 'motion.open', motionId: OPEN_MOTION },
  );
  commands.push(...ballots(OPEN_MOTION, all, 0.4, random, () => (random() < 0.8 ? 'yes' : 'no')));
  commands.push({
    type: 'motion.draft',
    id: 'pets',
    title: '文明养宠公约',
    kind: 'proposal',
    scope: { kind: 'community' },
    basis: 'households',
    rule: 'simpleMajority',
    closesAt: '2027-03-01T10:00:00Z',
  });
  return commands;
}

function upkeep(random) {
  const commands = [
    { type: 'fund.open', id: 'upkeep', name: '公共维修', budget: 12_000_000 },
    {
      type: 'charge.define',
      id: 'upkeep-fee',
      fundId: 'upkeep',
      name: '公共维修费',
      monthlyAmount: 1_000_000,
      scope: { kind: 'community' },
      split: 'area',
      start: '2026-09',
    },
  ];
  for (const month of ['2026-09', '2026-10', '2026-11']) {
    commands.push({ type: 'charge.bill', chargeId: 'upkeep-fee', month });
    for (const u of sold())
      if (random() < 0.25) commands.push({ type: 'fund.pay', fundId: 'upkeep', unitId: u.id, amount: 5_000 });
  }
  commands.push(weeklyCleaning('clean', { kind: 'community' }, '2026-11-28'));
  return commands;
}

/** The commands that build community `name`, drawing its choices from `random` (seeded: same each run). */
export function smallCommunityCommands(name, random) {
  return [...register(name), ...motions(random), ...upkeep(random)];
}
