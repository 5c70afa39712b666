import type { LocalDate } from '../time/local-date.js';

/** Why a member cannot serve on a date. */
export type Ineligibility = 'vacant' | 'exempt-age' | 'away' | 'not-a-member';

/** How turns are given out. */
export type AssignmentPolicy = 'fixedOrder' | 'leastServed' | 'weighted';

/** What happens to turns missed while ineligible: owed and made up (`catchUp`), or written off (`forgive`). */
export type ReentryRule = 'catchUp' | 'forgive';

/** A slot date after holiday handling. */
export interface SlotDate {
  readonly date: LocalDate;
  /** The occurrence it was moved from (holiday → next workday). */
  readonly movedFrom?: LocalDate;
  /** Skipped: nobody serves; the reason is explicit. */
  readonly skipped?: { readonly reason: 'holiday'; readonly name: string };
}

/** The pure scheduler's input: dates, members and the rules; no dependence on the clock. */
export interface ScheduleInput {
  readonly slots: readonly SlotDate[];
  /** Member ids in their fixed order (the order of the roster). */
  readonly members: readonly string[];
  readonly teamSize: number;
  readonly policy: AssignmentPolicy;
  readonly reentry: ReentryRule;
  /** Null when member i may serve on `date`, else why not. */
  eligibility(member: number, date: LocalDate): Ineligibility | null;
  /** Weighted policy: member i's weight on `date` (e.g. household size), a positive integer. */
  weight(member: number, date: LocalDate): number;
  /** Slots whose assignees are set by hand (by date), with the reason. */
  readonly overrides?: ReadonlyMap<
    string,
    { readonly assignees: readonly string[]; readonly reason: string }
  >;
}

/** One slot of the computed schedule. */
export interface AssignedSlot extends SlotDate {
  readonly assignees: readonly string[];
  /** Fewer than `teamSize` could serve: how many are missing and why. Never a silent gap. */
  readonly unfilled?: {
    readonly reason: 'no-eligible-members' | 'too-few-eligible';
    readonly missing: number;
  };
  readonly override?: string;
}

interface MemberState {
  count: number;
  last: number;
  eligibleBefore: boolean;
}

/**
 * Assigns every slot, in order, so that the same inputs always give the same schedule (G1) and a slot
 * depends only on what was known up to it (G5: an edit from slot k on cannot change earlier slots).
 *
 * - fixedOrder: round robin over the roster from where it stopped, skipping the ineligible; with
 *   `catchUp`, a member skipped while ineligible is owed that turn and served first when back.
 * - leastServed: fewest turns first, then longest since last served, then roster order; with
 *   `forgive`, a returning member is treated as having served as often as the least-served peer and
 *   just now, so they rejoin the queue at the back instead of catching up.
 * - weighted: the Balinski–Young quota method within each period where the eligible members and
 *   their weights stay the same: a member may take a turn only while below the upper quota of its
 *   weighted share, and among those the largest weight ÷ (turns + 1) goes first; both quotas hold.
 */
export function assignSlots(input: ScheduleInput): AssignedSlot[] {
  const n = input.members.length;
  const state: MemberState[] = input.members.map(() => ({ count: 0, last: -1, eligibleBefore: false }));
  // fixedOrder + catchUp: one entry per turn a member was passed over while ineligible, oldest first.
  const owed: number[] = [];
  let pointer = 0;
  // Weighted epochs.
  let epochKey = '';
  let epochSeats = 0;
  let epochCounts = new Array<number>(n).fill(0);
  const out: AssignedSlot[] = [];

  for (let s = 0; s < input.slots.length; s++) {
    const slot = input.slots[s] as SlotDate;
    if (slot.skipped) {
      out.push({ ...slot, assignees: [] });
      continue;
    }
    const eligible: number[] = [];
    for (let i = 0; i < n; i++) {
      const ok = input.eligibility(i, slot.date) === null;
      const st = state[i] as MemberState;
      if (ok) {
        if (!st.eligibleBefore && s > 0 && input.reentry === 'forgive' && input.policy === 'leastServed') {
          let min = Number.POSITIVE_INFINITY;
          for (let j = 0; j < n; j++)
            if (j !== i && (state[j] as MemberState).eligibleBefore)
              min = Math.min(min, (state[j] as MemberState).count);
          if (Number.isFinite(min) && st.count < min) st.count = min;
          st.last = s;
        }
        eligible.push(i);
      }
      st.eligibleBefore = ok;
    }

    const override = input.overrides?.get(slot.date);
    let chosen: number[];
    if (override) {
      const index = new Map(input.members.map((m, i) => [m, i]));
      chosen = override.assignees.map((m) => index.get(m)).filter((i): i is number => i !== undefined);
    } else if (input.policy === 'fixedOrder') {
      chosen = [];
      const isEligible = new Set(eligible);
      // Owed turns first (catch-up), oldest debt first.
      for (const i of [...owed]) {
        if (chosen.length >= input.teamSize) break;
        if (isEligible.has(i) && !chosen.includes(i)) {
          chosen.push(i);
          owed.splice(owed.indexOf(i), 1);
        }
      }
      for (let step = 0; step < n && chosen.length < input.teamSize; step++) {
        const i = (pointer + step) % n;
        if (chosen.includes(i)) continue;
        if (isEligible.has(i)) {
          chosen.push(i);
          pointer = (i + 1) % n;
        } else if (input.reentry === 'catchUp' && input.eligibility(i, slot.date) !== 'not-a-member') {
          owed.push(i);
        }
      }
    } else if (input.policy === 'leastServed') {
      chosen = [...eligible]
        .sort((a, b) => {
          const x = state[a] as MemberState;
          const y = state[b] as MemberState;
          return x.count - y.count || x.last - y.last || a - b;
        })
        .slice(0, input.teamSize);
    } else {
      const weights = eligible.map((i) => input.weight(i, slot.date));
      const key = eligible.map((i, k) => `${i}:${weights[k]}`).join(',');
      if (key !== epochKey) {
        epochKey = key;
        epochSeats = 0;
        epochCounts = new Array<number>(n).fill(0);
      }
      const total = weights.reduce((a, b) => a + b, 0);
      chosen = [];
      for (let seat = 0; seat < input.teamSize && chosen.length < eligible.length; seat++) {
        const t = epochSeats + 1;
        let best = -1;
        let bestW = 0;
        eligible.forEach((i, k) => {
          if (chosen.includes(i)) return;
          const w = weights[k] as number;
          const c = epochCounts[i] as number;
          // Upper quota: c + 1 ≤ ⌈t·w / W⌉  ⇔  c·W < t·w.
          if (c * total >= t * w) return;
          if (best === -1) {
            best = i;
            bestW = w;
            return;
          }
          const cb = epochCounts[best] as number;
          // Larger w / (c + 1) first: w·(cb + 1) vs bestW·(c + 1); ties by longest wait, then roster.
          const cmp = w * (cb + 1) - bestW * (c + 1);
          const sb = state[best] as MemberState;
          const si = state[i] as MemberState;
          if (cmp > 0 || (cmp === 0 && (si.last < sb.last || (si.last === sb.last && i < best)))) {
            best = i;
            bestW = w;
          }
        });
        if (best === -1) break;
        chosen.push(best);
        epochCounts[best] = (epochCounts[best] as number) + 1;
        epochSeats = t;
      }
    }

    for (const i of chosen) {
      const st = state[i] as MemberState;
      st.count += 1;
      st.last = s;
    }
    const assignees = chosen.map((i) => input.members[i] as string);
    const missing = input.teamSize - assignees.length;
    const base: AssignedSlot = override
      ? { ...slot, assignees, override: override.reason }
      : { ...slot, assignees };
    out.push(
      missing > 0 && !override
        ? {
            ...base,
            unfilled: {
              reason: assignees.length === 0 ? 'no-eligible-members' : 'too-few-eligible',
              missing,
            },
          }
        : base,
    );
  }
  return out;
}
