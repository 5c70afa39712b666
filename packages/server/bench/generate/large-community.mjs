// One large 小区 and a year of its life, all through real commands, so its log is a real hash chain:
// 10,000 households (ten buildings of ten stairwells, 25 floors of four flats), then from December to
// November: two households' motions a month with ~7,000 ballots each, two monthly charges billed and paid
// (property fee by area, elevator upkeep equally), cleaning rotas per stairwell with absences and
// hand-made changes, the 一长五大 roles of each building, and households moving in and out. The core
// has no notice board, so moves stand for the "notices" third of the mix.
import { seededRandom } from '../../../core/bench/support.mjs';
import { ballots, weeklyCleaning } from './shared-commands.mjs';

export const BUILDINGS = 10;
export const STAIRWELLS_PER_BUILDING = 10;
export const FLOORS = 25;
export const DOORS = 4;
/** Where the year starts; each month's commands run on its own dates. */
export const YEAR_STARTS = '2025-12-01T01:00:00Z';
const MONTHS = ['2025-12', ...Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)];

const unitIdOf = (s, floor, door) => `u${s}-${floor}0${door}`;

function allUnits() {
  const units = [];
  for (let b = 1; b <= BUILDINGS; b++)
    for (let k = 1; k <= STAIRWELLS_PER_BUILDING; k++) {
      const s = `s${b}-${k}`;
      for (let floor = 1; floor <= FLOORS; floor++)
        for (let door = 1; door <= DOORS; door++)
          units.push({ id: unitIdOf(s, floor, door), b, s, floor, door });
    }
  return units;
}

function founding(units) {
  const commands = [
    { type: 'community.found', name: '康乐苑', id: 'kly' },
    { type: 'fund.open', id: 'property', name: '物业费', budget: 400_000_000 },
    { type: 'fund.open', id: 'lift', name: '电梯维保', budget: 150_000_000 },
  ];
  for (let b = 1; b <= BUILDINGS; b++) {
    commands.push({ type: 'building.add', name: `${b}号楼`, id: `b${b}` });
    for (let k = 1; k <= STAIRWELLS_PER_BUILDING; k++)
      commands.push({ type: 'stairwell.add', buildingId: `b${b}`, name: `${k}单元`, id: `s${b}-${k}` });
    commands.push({ type: 'role.defineStandard', buildingId: `b${b}`, termMonths: 36, termLimit: 2 });
  }
  for (const [i, u] of units.entries()) {
    const owners = i % 20 === 7 ? [`o${u.id}`, `o${u.id}b`] : [`o${u.id}`];
    commands.push({
      type: 'unit.add',
      stairwellId: u.s,
      room: `${u.floor}0${u.door}`,
      floor: u.floor,
      area: 7000 + ((i * 37) % 3000),
      areaSource: 'registered',
      id: u.id,
    });
    for (const [k, id] of owners.entries())
      commands.push({ type: 'owner.register', name: `业主${i}${k ? '乙' : '甲'}`, kind: 'person', id });
    commands.push({ type: 'unit.transfer', unitId: u.id, ownerIds: owners, date: '2015-05-01' });
    if (i % 20 !== 11)
      commands.push({
        type: 'resident.moveIn',
        unitId: u.id,
        id: `r${u.id}`,
        birthYear: 1935 + (i % 60),
        date: '2015-06-01',
      });
  }
  commands.push(
    {
      type: 'charge.define',
      id: 'property-fee',
      fundId: 'property',
      name: '物业费',
      monthlyAmount: 30_000_000,
      scope: { kind: 'community' },
      split: 'area',
      start: '2025-12',
    },
    {
      type: 'charge.define',
      id: 'lift-fee',
      fundId: 'lift',
      name: '电梯维保费',
      monthlyAmount: 10_000_000,
      scope: { kind: 'community' },
      start: '2025-12',
    },
  );
  for (let b = 1; b <= BUILDINGS; b++)
    for (let k = 1; k <= STAIRWELLS_PER_BUILDING; k++)
      commands.push(weeklyCleaning(`clean-${b}-${k}`, { kind: 'stairwell', id: `s${b}-${k}` }, '2025-12-06'));
  return commands;
}

/** This month's two motions, drafted, opened, voted on by about 70% of households and closed. */
function motions(units, month, random) {
  const commands = [];
  for (const n of [1, 2]) {
    const id = `m${month}-${n}`;
    commands.push(
      {
        type: 'motion.draft',
        id,
        title: `${month} 第${n}号议题`,
        body: '议题说明。',
        kind: 'proposal',
        scope: { kind: 'community' },
        basis: 'households',
        rule: 'simpleMajority',
        closesAt: `${month}-28T10:00:00Z`,
      },
      { type: 'motion.open', motionId: id },
    );
    const vote = () => (random() < 0.6 ? 'yes' : random() < 0.8 ? 'no' : 'abstain');
    commands.push(...ballots(id, units, 0.7, random, vote));
  }
  return commands;
}

function bills(units, month, random) {
  const commands = [
    { type: 'charge.bill', chargeId: 'property-fee', month },
    { type: 'charge.bill', chargeId: 'lift-fee', month },
  ];
  for (const u of units) {
    if (random() < 0.9)
      commands.push({
        type: 'fund.pay',
        fundId: 'property',
        unitId: u.id,
        amount: 2_000,
        date: `${month}-10`,
      });
    if (random() < 0.5)
      commands.push({ type: 'fund.pay', fundId: 'lift', unitId: u.id, amount: 500, date: `${month}-12` });
  }
  return commands;
}

/** The Saturdays of `month` (the rotas' slots). */
function saturdays(month) {
  const days = [];
  for (let d = 1; d <= 31; d++) {
    const date = new Date(`${month}-${String(d).padStart(2, '0')}T12:00:00Z`);
    if (date.toISOString().slice(0, 7) === month && date.getUTCDay() === 6)
      days.push(date.toISOString().slice(0, 10));
  }
  return days;
}

function rotas(units, month, random) {
  const commands = [];
  for (const u of units)
    if (random() < 0.8)
      commands.push({
        type: 'duty.absence',
        dutyId: `clean-${u.s.slice(1)}`,
        memberId: u.id,
        from: `${month}-1${Math.floor(random() * 9)}`,
        to: `${month}-2${Math.floor(random() * 8)}`,
        reason: '外出',
      });
  // Only turns still ahead can be changed (the month's first Saturday may be past already).
  for (const date of saturdays(month).filter((d) => d > `${month}-02`))
    for (let b = 1; b <= BUILDINGS; b++)
      for (let k = 1; k <= STAIRWELLS_PER_BUILDING; k++) {
        const floor = 1 + Math.floor(random() * FLOORS);
        commands.push({
          type: 'duty.override',
          dutyId: `clean-${b}-${k}`,
          date,
          assignees: [unitIdOf(`s${b}-${k}`, floor, 1), unitIdOf(`s${b}-${k}`, floor, 2)],
          reason: '楼组长调整',
        });
      }
  return commands;
}

/** Who lives in each flat that has changed hands (the founding residents are `r<unit>`). */
const residents = new Map();

function moves(units, month, m, random) {
  const commands = [];
  for (const [i, u] of units.entries()) {
    if (random() >= 0.1) continue;
    // A household leaves, and a new one moves in a week later.
    commands.push(
      { type: 'resident.moveOut', residentId: residents.get(u.id) ?? `r${u.id}`, date: `${month}-05` },
      {
        type: 'resident.moveIn',
        unitId: u.id,
        id: `r${u.id}-${m}`,
        birthYear: 1960 + (i % 40),
        date: `${month}-12`,
      },
    );
    residents.set(u.id, `r${u.id}-${m}`);
  }
  return commands;
}

function roles(m) {
  const commands = [];
  for (let b = 1; b <= BUILDINGS; b++)
    for (const key of ['head', 'harmony', 'civility', 'weather', 'mediator', 'safety'])
      if (m === 0)
        commands.push({
          type: 'role.appoint',
          roleId: `b${b}-${key}`,
          holder: `${b}号楼${key}`,
          reason: '居委会推荐，本人同意',
          id: `t${b}-${key}`,
        });
  return commands;
}

/** Builds the year: `run(commands)` executes them, `clock` is moved to each month's dates. */
export async function largeCommunityYear(run, clock) {
  const random = seededRandom(2026);
  const units = allUnits();
  await run(founding(units));
  // Every twentieth flat stands empty: it has no household to vote, be billed or take turns.
  const lived = units.filter((_, i) => i % 20 !== 11);
  for (const [m, month] of MONTHS.entries()) {
    clock.set(`${month}-01T01:00:00Z`);
    await run(roles(m));
    await run(bills(lived, month, random));
    clock.set(`${month}-02T01:00:00Z`);
    await run(motions(lived, month, random));
    await run(rotas(lived, month, random));
    clock.set(`${month}-15T01:00:00Z`);
    await run(moves(lived, month, m, random));
    for (const n of [1, 2]) await run([{ type: 'motion.close', motionId: `m${month}-${n}` }]);
  }
}
