// Rotation benchmark, side by side with rrule (date expansion only) in the same run. `npm run bench`.
import rrulePkg from 'rrule';
import { dutyRoster, emptyCommunityState, evolveCommunity, noHolidays, parseRRule } from '../dist/index.js';
import { bestOf, seededRandom } from './support.mjs';

const { RRule } = rrulePkg;
const random = seededRandom(80);
const HOUSEHOLDS = 1000;

// A tower of 1,000 households, 20% of them residents aged 80+ (exempt).
const community = emptyCommunityState();
const apply = (type, payload) => evolveCommunity(community, { type, payload });
apply('community.founded', { communityId: 'c', name: '福泰' });
apply('building.added', { buildingId: 'b', name: '福泰大厦' });
apply('stairwell.added', { stairwellId: 's', buildingId: 'b', name: 'A' });
const members = [];
for (let i = 0; i < HOUSEHOLDS; i++) {
  const unitId = `u${String(i).padStart(4, '0')}`;
  members.push(unitId);
  apply('unit.added', {
    unitId,
    stairwellId: 's',
    room: unitId,
    floor: 1 + Math.floor(i / 40),
    area: 9000,
    areaSource: 'registered',
  });
  const old = random() < 0.2;
  apply('resident.movedIn', {
    residentId: `r${i}`,
    unitId,
    birthYear: old ? 1935 : 1980,
    date: '2010-01-01',
  });
}

const rule = parseRRule('FREQ=WEEKLY;BYDAY=MO');
const start = '2026-01-05';
const to = '2035-12-31';
const base = {
  id: 'clean',
  name: '清洁',
  recurrence: { rule: rule.value, start },
  time: '08:00',
  durationMinutes: 60,
  timeZone: 'Asia/Shanghai',
  teamSize: 1,
  holidays: 'ignore',
  policy: 'leastServed',
  reentry: 'catchUp',
  exemptAge: 80,
  scope: { kind: 'community' },
  swapNeedsApproval: false,
  members,
  absences: [],
  covers: [],
  overrides: [],
};
// 50 swaps between consecutive turns, taken from the plain roster.
const plain = dutyRoster(community, { ...base, swaps: [] }, to, noHolidays);
const swaps = [];
for (let k = 0; k < 50; k++) {
  const a = plain[k * 10];
  const b = plain[k * 10 + 1];
  swaps.push({
    id: `s${k}`,
    first: { date: a.date, memberId: a.assignees[0] },
    second: { date: b.date, memberId: b.assignees[0] },
    status: 'agreed',
  });
}
const duty = { ...base, swaps };

const ours = bestOf(() => dutyRoster(community, duty, to, noHolidays), 10);
const theirs = bestOf(
  () =>
    new RRule({
      freq: RRule.WEEKLY,
      byweekday: [RRule.MO],
      dtstart: new Date(`${start}T00:00:00Z`),
      until: new Date(`${to}T23:59:59Z`),
    }).all(),
  50,
);
const slots = ours.result.length;
const served = new Set(ours.result.flatMap((s) => s.assignees));
console.log(
  `\nRotation: ${HOUSEHOLDS.toLocaleString('en')} households (20% aged 80+ exempt), weekly for 10 years (${slots} slots), 50 swaps\n`,
);
console.log('| operation | ms | slots/s | target | result |');
console.log('|---|---:|---:|---|---|');
console.log(
  `| Linli: full roster (dates + eligibility + assignment + swaps + instants) | ${ours.ms.toFixed(2)} | ${Math.round(slots / (ours.ms / 1000)).toLocaleString('en')} | ≤ 5 ms | ${ours.ms <= 5 ? 'met' : 'MISSED'} |`,
);
console.log(
  `| rrule: the dates only | ${theirs.ms.toFixed(2)} | ${Math.round(theirs.result.length / (theirs.ms / 1000)).toLocaleString('en')} | — | — |`,
);
console.log(
  `\nLinli / rrule = ${(ours.ms / theirs.ms).toFixed(1)}× the time for the whole roster vs bare dates; ${served.size} households served, same ${theirs.result.length} dates: ${theirs.result.length === slots}`,
);
