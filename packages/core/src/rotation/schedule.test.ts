import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../time/local-date.js';
import { addDays, dayNumber } from './calendar.js';
import {
  type AssignmentPolicy,
  assignSlots,
  type Gap,
  type ReentryRule,
  type ScheduleInput,
} from './schedule.js';

const base = '2026-01-05' as LocalDate;
const dates = (n: number) => Array.from({ length: n }, (_, i) => ({ date: addDays(base, 7 * i) }));

/** Random rosters: members, slots, team size, and for each member a few away windows (slot ranges). */
const world = fc
  .record({
    members: fc.integer({ min: 1, max: 9 }),
    slots: fc.integer({ min: 1, max: 60 }),
    teamSize: fc.integer({ min: 1, max: 3 }),
    policy: fc.constantFrom<AssignmentPolicy>('fixedOrder', 'leastServed'),
    away: fc.array(fc.tuple(fc.nat({ max: 8 }), fc.nat({ max: 59 }), fc.integer({ min: 1, max: 12 })), {
      maxLength: 6,
    }),
  })
  .map((w) => {
    const eligible = Array.from({ length: w.members }, () => new Array<boolean>(w.slots).fill(true));
    for (const [m, from, len] of w.away) {
      if (m >= w.members) continue;
      for (let s = from; s < Math.min(w.slots, from + len); s++) (eligible[m] as boolean[])[s] = false;
    }
    return { ...w, eligible };
  });

/** Turns a member × slot eligibility table into gaps: each run of ineligible slots is one away gap. */
function gapsOf(eligible: boolean[][], slots: { date: LocalDate }[]): Gap[][] {
  return eligible.map((row) => {
    const gaps: Gap[] = [];
    row.forEach((ok, s) => {
      if (ok) return;
      const day = dayNumber((slots[s] as { date: LocalDate }).date);
      const prev = gaps.at(-1);
      if (prev && prev.to === day) gaps[gaps.length - 1] = { ...prev, to: day + 7 };
      else gaps.push({ from: day, to: day + 7, reason: 'away' });
    });
    // A gap ends the day after the last missed slot, not a week later, so the next slot is eligible.
    return gaps.map((g) => ({ ...g, to: g.to - 6 }));
  });
}

function inputFor(
  w: { members: number; slots: number; teamSize: number; policy: AssignmentPolicy; eligible: boolean[][] },
  reentry: ReentryRule,
): ScheduleInput {
  const slots = dates(w.slots);
  return {
    slots,
    members: Array.from({ length: w.members }, (_, i) => `m${i}`),
    teamSize: w.teamSize,
    policy: w.policy,
    reentry,
    gaps: gapsOf(w.eligible, slots),
    weight: () => 1,
  };
}

describe('rotation guarantees G1–G6 (as the README states them)', () => {
  it('G1 determinism: the same inputs give the same schedule', () => {
    fc.assert(
      fc.property(world, fc.constantFrom<ReentryRule>('catchUp', 'forgive'), (w, reentry) => {
        expect(assignSlots(inputFor(w, reentry))).toEqual(assignSlots(inputFor(w, reentry)));
      }),
    );
  });

  it('G2 spread ≤ 1: members continuously eligible over a window get turn counts within 1 of each other', () => {
    fc.assert(
      fc.property(world, fc.nat(), fc.nat(), (w, x, y) => {
        const slots = assignSlots(inputFor(w, 'forgive'));
        const a = x % w.slots;
        const b = a + (y % (w.slots - a));
        const steady = Array.from({ length: w.members }, (_, m) => m).filter((m) => {
          for (let s = a; s <= b; s++) if (!(w.eligible[m] as boolean[])[s]) return false;
          return true;
        });
        const counts = steady.map(
          (m) => slots.slice(a, b + 1).filter((s) => s.assignees.includes(`m${m}`)).length,
        );
        if (counts.length > 1) expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('G2 weighted: within a period of constant eligibility and weights, one per slot, each count is within ⌊share⌋…⌈share⌉', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 80 }),
        (weights, n) => {
          const teamSize = 1;
          const slots = assignSlots({
            slots: dates(n),
            members: weights.map((_, i) => `m${i}`),
            teamSize,
            policy: 'weighted',
            reentry: 'catchUp',
            gaps: weights.map(() => []),
            weight: (i) => weights[i] as number,
          });
          const total = weights.reduce((a, b) => a + b, 0);
          // After every slot: count·W within (seats·w − W, seats·w + W), i.e. between floor and ceil of the share.
          const counts = new Array<number>(weights.length).fill(0);
          // One expect per case: a million expect calls would cost more than the property itself.
          let outside = 0;
          slots.forEach((s, k) => {
            for (const a of s.assignees)
              counts[Number(a.slice(1))] = (counts[Number(a.slice(1))] as number) + 1;
            const seats = (k + 1) * teamSize;
            weights.forEach((wt, i) => {
              const scaled = (counts[i] as number) * total;
              if (scaled <= seats * wt - total || scaled >= seats * wt + total) outside++;
            });
          });
          expect(outside).toBe(0);
        },
      ),
    );
  });

  it('weighted: a weight is asked again only on a day it may change, not for every member at every slot', () => {
    let asked = 0;
    const members = Array.from({ length: 50 }, (_, i) => `m${i}`);
    assignSlots({
      slots: dates(100),
      members,
      teamSize: 2,
      policy: 'weighted',
      reentry: 'catchUp',
      gaps: members.map(() => []),
      weight: (i) => {
        asked++;
        return 1 + (i % 3);
      },
      weightChanges: members.map(() => []),
    });
    // Once per member, at the first slot: 100 slots × 50 members made this 5,000 asks and 10,000
    // households over 10 years 20× slower than leastServed.
    expect(asked).toBe(members.length);
  });

  it('weighted: declaring the days weights change gives the same schedule as asking at every slot', () => {
    fc.assert(
      fc.property(
        world,
        fc.array(fc.array(fc.tuple(fc.nat({ max: 59 }), fc.integer({ min: 1, max: 5 })), { maxLength: 4 }), {
          minLength: 9,
          maxLength: 9,
        }),
        fc.constantFrom<ReentryRule>('catchUp', 'forgive'),
        (w, steps, reentry) => {
          const input = inputFor({ ...w, policy: 'weighted' }, reentry);
          // Member m's weight steps to `weight` from slot `from` on (later steps win).
          const sorted = steps.map((list) => [...list].sort((a, b) => a[0] - b[0]));
          const weight = (m: number, date: LocalDate) => {
            let value = 1 + (m % 2);
            for (const [from, v] of sorted[m] ?? [])
              if (dayNumber(date) >= dayNumber(base) + 7 * from) value = v;
            return value;
          };
          const weightChanges = sorted.map((list) => [
            ...new Set(list.map(([from]) => dayNumber(base) + 7 * from)),
          ]);
          expect(assignSlots({ ...input, weight, weightChanges })).toEqual(assignSlots({ ...input, weight }));
        },
      ),
    );
  });

  it('G3 re-entry: catch-up makes up the missed turns; forgive does not', () => {
    // Three members, m2 away for slots 0–5, then 12 more slots.
    const away = {
      members: 3,
      slots: 18,
      teamSize: 1,
      policy: 'leastServed' as const,
      eligible: [
        new Array(18).fill(true),
        new Array(18).fill(true),
        Array.from({ length: 18 }, (_, s) => s > 5),
      ],
    };
    const count = (slots: ReturnType<typeof assignSlots>, m: string) =>
      slots.filter((s) => s.assignees.includes(m)).length;
    const catchUp = assignSlots(inputFor(away, 'catchUp'));
    const forgive = assignSlots(inputFor(away, 'forgive'));
    expect([count(catchUp, 'm0'), count(catchUp, 'm1'), count(catchUp, 'm2')]).toEqual([6, 6, 6]);
    expect(count(forgive, 'm2')).toBe(4); // 12 slots back among three: only its fair share from now on
    expect(catchUp.slice(6, 9).map((s) => s.assignees[0])).toEqual(['m2', 'm2', 'm2']);
  });

  it('G3 re-entry, as a property: catch-up evens out the counts; forgive never serves a returner twice in a round', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 12 }),
        (m, a, len) => {
          const b = a + len; // member 0 away for slots [a, b)
          const n = b + len * m + 2 * m; // long enough to catch up
          const eligible = Array.from({ length: m }, (_, i) =>
            Array.from({ length: n }, (_, s) => i !== 0 || s < a || s >= b),
          );
          const w = { members: m, slots: n, teamSize: 1, policy: 'leastServed' as const, eligible };
          const counts = (slots: ReturnType<typeof assignSlots>) =>
            Array.from({ length: m }, (_, i) => slots.filter((x) => x.assignees.includes(`m${i}`)).length);
          const caught = counts(assignSlots(inputFor(w, 'catchUp')));
          expect(Math.max(...caught) - Math.min(...caught)).toBeLessThanOrEqual(1);
          const forgiven = assignSlots(inputFor(w, 'forgive'));
          const back = forgiven.slice(b, b + m).filter((x) => x.assignees.includes('m0')).length;
          expect(back).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('G5 the past is frozen: an absence from slot k on leaves every earlier slot unchanged', () => {
    fc.assert(
      fc.property(
        world,
        fc.nat(),
        fc.nat({ max: 8 }),
        fc.constantFrom<ReentryRule>('catchUp', 'forgive'),
        (w, k0, member, reentry) => {
          const k = k0 % w.slots;
          const before = assignSlots(inputFor(w, reentry));
          const edited = {
            ...w,
            eligible: w.eligible.map((row, m) =>
              m === member % w.members ? row.map((e, s) => (s >= k ? false : e)) : row,
            ),
          };
          const after = assignSlots(inputFor(edited, reentry));
          expect(after.slice(0, k)).toEqual(before.slice(0, k));
        },
      ),
    );
  });

  it('G6 coverage: every slot has its team or an explicit unfilled reason', () => {
    fc.assert(
      fc.property(world, fc.constantFrom<ReentryRule>('catchUp', 'forgive'), (w, reentry) => {
        for (const s of assignSlots(inputFor(w, reentry))) {
          expect(new Set(s.assignees).size).toBe(s.assignees.length);
          if (s.assignees.length < w.teamSize)
            expect(s.unfilled).toEqual({
              reason: s.assignees.length === 0 ? 'no-eligible-members' : 'too-few-eligible',
              missing: w.teamSize - s.assignees.length,
            });
          else expect(s.unfilled).toBeUndefined();
        }
      }),
    );
  });
});
