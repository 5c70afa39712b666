import { Heap } from '../collections/heap.js';
import type { LocalDate } from '../time/local-date.js';
import { dayNumber } from './calendar.js';
import { QuotaQueue } from './quota-queue.js';

/** Why a member cannot serve on a date. */
export type Ineligibility = 'vacant' | 'exempt-age' | 'away';

/** How turns are given out. */
export type AssignmentPolicy = 'fixedOrder' | 'leastServed' | 'weighted';

/**
 * What happens to turns missed while away (or exempt): owed and made up (`catchUp`), or written off
 * (`forgive`). A household that moves in joins as if forgiven: nobody owes turns from before they
 * lived there.
 */
export type ReentryRule = 'catchUp' | 'forgive';

/** A stretch of days [from, to) (day numbers) in which a member cannot serve, and why. */
export interface Gap {
  readonly from: number;
  readonly to: number;
  readonly reason: Ineligibility;
}

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
  /** Per member, the sorted, non-overlapping stretches in which it cannot serve. */
  readonly gaps: readonly (readonly Gap[])[];
  /** Weighted policy: member i's weight on `date` (e.g. household size), a positive integer. */
  weight(member: number, date: LocalDate): number;
  /**
   * Weighted policy: per member, the day numbers on which its weight may change (e.g. move-in and
   * move-out days). When given, a weight is asked again only after such a day or an eligibility
   * change, instead of for every member at every slot; when absent, every slot asks.
   */
  readonly weightChanges?: readonly (readonly number[])[];
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

/**
 * Assigns every slot, in order, so that the same inputs always give the same schedule (G1) and a slot
 * depends only on what was known up to it (G5: an edit from slot k on cannot change earlier slots).
 *
 * - fixedOrder: round robin over the roster from where it stopped, skipping the ineligible; with
 *   `catchUp`, a member passed over while away is owed that turn and served first when back.
 * - leastServed: fewest turns first, then longest since last served (seat by seat, so a team keeps
 *   its queue order), then roster order. With `forgive`, a returning member that fell behind counts
 *   as having served as often as the least-served member who stayed, and just now: it rejoins at the
 *   back; one that fell behind in nothing keeps its place.
 * - weighted: the Balinski–Young quota method within each period where the eligible members and
 *   their weights stay the same: a member may take a turn only while below the upper quota of its
 *   weighted share, and among those the largest weight ÷ (turns + 1) goes first; with one person
 *   per slot both quotas hold. Larger teams are filled seat by seat, one seat per member per slot.
 *   The choice is a pair of heaps ({@link QuotaQueue}), and weights are asked again only when
 *   `weightChanges` or an eligibility change says they may differ.
 *
 * Eligibility is swept, not re-checked: a member's status is recomputed only on the days its gaps
 * begin or end, and the least-served queue is a heap, so 1,000 households over 10 years of weekly
 * slots take a few milliseconds.
 */
export function assignSlots(input: ScheduleInput): AssignedSlot[] {
  const n = input.members.length;
  const k = input.teamSize;
  const count = new Float64Array(n);
  const last = new Float64Array(n).fill(-1);
  const eligible = new Uint8Array(n);
  const why: (Ineligibility | null)[] = new Array(n).fill(null);
  const cursor = new Int32Array(n);
  const nextChange = new Float64Array(n);
  let eligibleCount = 0;

  // Status of member i on day d, and the next day it may change.
  const statusOn = (i: number, d: number): void => {
    const list = input.gaps[i] as readonly Gap[];
    let c = cursor[i] as number;
    while (c < list.length && (list[c] as Gap).to <= d) c++;
    cursor[i] = c;
    const gap = list[c];
    const inGap = gap !== undefined && gap.from <= d;
    why[i] = inGap ? (gap as Gap).reason : null;
    nextChange[i] = inGap ? (gap as Gap).to : gap ? gap.from : Number.POSITIVE_INFINITY;
  };
  const changes = new Heap((a, b) => (nextChange[a] as number) < (nextChange[b] as number));

  // leastServed: a heap of member entries; an entry is stale once the member's version moves on.
  const version = new Int32Array(n);
  const entryMember: number[] = [];
  const entryVersion: number[] = [];
  const entryCount: number[] = [];
  const entryLast: number[] = [];
  const queue = new Heap((a, b) => {
    const ca = entryCount[a] as number;
    const cb = entryCount[b] as number;
    if (ca !== cb) return ca < cb;
    const la = entryLast[a] as number;
    const lb = entryLast[b] as number;
    if (la !== lb) return la < lb;
    return (entryMember[a] as number) < (entryMember[b] as number);
  });
  const enqueue = (i: number) => {
    version[i] = (version[i] as number) + 1;
    if (input.policy !== 'leastServed') return;
    entryMember.push(i);
    entryVersion.push(version[i] as number);
    entryCount.push(count[i] as number);
    entryLast.push(last[i] as number);
    queue.push(entryMember.length - 1);
  };
  const live = (e: number) => {
    const i = entryMember[e] as number;
    return eligible[i] === 1 && entryVersion[e] === version[i];
  };

  // fixedOrder + catchUp: one entry per turn a member was passed over while away, oldest first.
  const owed: number[] = [];
  let pointer = 0;
  // weighted: the quota queue, looked at again only when an eligibility or a weight may have changed.
  const quota = new QuotaQueue(n, last);
  let dirty = true;
  const weightChanges = input.weightChanges;
  const weightCursor = new Int32Array(n);
  const nextWeightChange = (i: number) =>
    weightChanges?.[i]?.[weightCursor[i] as number] ?? Number.POSITIVE_INFINITY;
  const weightDue = new Heap((a, b) => nextWeightChange(a) < nextWeightChange(b));
  if (input.policy === 'weighted' && weightChanges)
    for (let i = 0; i < n; i++) if (Number.isFinite(nextWeightChange(i))) weightDue.push(i);

  const out: AssignedSlot[] = [];
  const index = new Map(input.members.map((m, i) => [m, i]));
  let first = true;

  for (let s = 0; s < input.slots.length; s++) {
    const slot = input.slots[s] as SlotDate;
    const d = dayNumber(slot.date);
    // Bring statuses up to this slot's day.
    const returning: number[] = [];
    const flip = (i: number, before: Ineligibility | null, wasEligible: boolean) => {
      const now = why[i] === null;
      if (now === wasEligible) return;
      dirty = true;
      eligible[i] = now ? 1 : 0;
      eligibleCount += now ? 1 : -1;
      if (now) {
        // A household that moves in joins forgiven; coming back from away or exemption follows the rule.
        if (!first && (input.reentry === 'forgive' || before === 'vacant')) returning.push(i);
        enqueue(i);
      } else version[i] = (version[i] as number) + 1;
    };
    if (first) {
      for (let i = 0; i < n; i++) {
        statusOn(i, d);
        flip(i, null, false);
        changes.push(i);
      }
    } else {
      while (changes.size > 0 && (nextChange[changes.peek() as number] as number) <= d) {
        const i = changes.pop() as number;
        const before = why[i] ?? null;
        const wasEligible = eligible[i] === 1;
        statusOn(i, d);
        flip(i, before, wasEligible);
        changes.push(i);
      }
    }
    while (weightDue.size > 0 && nextWeightChange(weightDue.peek() as number) <= d) {
      const i = weightDue.pop() as number;
      while (nextWeightChange(i) <= d) weightCursor[i] = (weightCursor[i] as number) + 1;
      if (Number.isFinite(nextWeightChange(i))) weightDue.push(i);
      dirty = true;
    }
    if (returning.length > 0 && input.policy === 'leastServed') {
      let min = Number.POSITIVE_INFINITY;
      const back = new Set(returning);
      for (let i = 0; i < n; i++)
        if (eligible[i] === 1 && !back.has(i)) min = Math.min(min, count[i] as number);
      for (const i of returning) {
        // Only a member whose missed turns are written off rejoins at the back; one that missed
        // nothing (it was not due while away) keeps its place, or a sliding window would see it
        // skipped while others serve twice (found by the G2 property test).
        if (!Number.isFinite(min) || (count[i] as number) >= min) continue;
        count[i] = min;
        last[i] = s * (k + 1) + k; // behind everyone served up to this slot
        enqueue(i);
      }
    }
    first = false;

    if (slot.skipped) {
      out.push({ ...slot, assignees: [] });
      continue;
    }

    const override = input.overrides?.get(slot.date);
    let chosen: number[] = [];
    if (override) {
      chosen = override.assignees.map((m) => index.get(m)).filter((i): i is number => i !== undefined);
    } else if (input.policy === 'fixedOrder') {
      for (const i of [...owed]) {
        if (chosen.length >= k) break;
        if (eligible[i] === 1 && !chosen.includes(i)) {
          chosen.push(i);
          owed.splice(owed.indexOf(i), 1);
        }
      }
      const from = pointer;
      for (let step = 0; step < n && chosen.length < k && chosen.length < eligibleCount; step++) {
        const i = (from + step) % n;
        if (chosen.includes(i)) continue;
        if (eligible[i] === 1) {
          chosen.push(i);
          pointer = (i + 1) % n;
        } else if (input.reentry === 'catchUp' && why[i] === 'away') owed.push(i);
      }
    } else if (input.policy === 'leastServed') {
      while (chosen.length < k && queue.size > 0) {
        const e = queue.pop() as number;
        if (live(e)) chosen.push(entryMember[e] as number);
      }
    } else {
      if (dirty) {
        const members: number[] = [];
        const weights: number[] = [];
        for (let i = 0; i < n; i++)
          if (eligible[i] === 1) {
            members.push(i);
            weights.push(input.weight(i, slot.date));
          }
        quota.update(members, weights);
        dirty = weightChanges === undefined;
      }
      chosen = quota.choose(k);
    }

    chosen.forEach((i, seat) => {
      count[i] = (count[i] as number) + 1;
      last[i] = s * (k + 1) + seat;
      if (eligible[i] === 1) enqueue(i);
      if (input.policy === 'weighted') quota.reenter(i);
    });
    // Members popped from the least-served queue but stale were dropped; served ones are re-queued above.
    const assignees = chosen.map((i) => input.members[i] as string);
    const missing = k - assignees.length;
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
