import { Heap } from '../collections/heap.js';
import type { LocalDate } from '../time/local-date.js';
import { dayNumber } from './calendar.js';
import { FixedOrderTurns } from './fixed-order-turns.js';
import { LeastServedQueue } from './least-served-queue.js';
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

  const statusOn = (i: number, d: number) => memberStatusOn(input.gaps, i, d, { cursor, why, nextChange });
  const changes = new Heap((a, b) => (nextChange[a] as number) < (nextChange[b] as number));

  const leastServed = new LeastServedQueue(n, count, last, eligible, input.policy === 'leastServed');
  const fixedOrder = new FixedOrderTurns(n, input.reentry === 'catchUp');
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
        leastServed.enqueue(i);
      } else leastServed.drop(i);
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
    if (returning.length > 0 && input.policy === 'leastServed')
      for (const i of rejoiningAtBack(returning, eligible, count)) {
        last[i] = s * (k + 1) + k; // behind everyone served up to this slot
        leastServed.enqueue(i);
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
      chosen = fixedOrder.choose(k, eligible, eligibleCount, (i) => why[i] === 'away');
    } else if (input.policy === 'leastServed') {
      leastServed.take(k, chosen);
    } else {
      if (dirty) {
        const members = eligibleMembers(eligible);
        quota.update(
          members,
          members.map((i) => input.weight(i, slot.date)),
        );
        dirty = weightChanges === undefined;
      }
      chosen = quota.choose(k);
    }

    chosen.forEach((i, seat) => {
      count[i] = (count[i] as number) + 1;
      last[i] = s * (k + 1) + seat;
      if (eligible[i] === 1) leastServed.enqueue(i);
      if (input.policy === 'weighted') quota.reenter(i);
    });
    // Members popped from the least-served queue but stale were dropped; served ones are re-queued above.
    const assignees = chosen.map((i) => input.members[i] as string);
    out.push(assignedSlot(slot, assignees, k, override));
  }
  return out;
}

/** Where the sweep over each member's gaps stands: per member, its next gap, status and next change day. */
interface GapSweep {
  readonly cursor: Int32Array;
  readonly why: (Ineligibility | null)[];
  readonly nextChange: Float64Array;
}

/** Sets member `i`'s status on day `d`, and the next day it may change, moving its gap cursor forward. */
function memberStatusOn(gaps: ScheduleInput['gaps'], i: number, d: number, sweep: GapSweep): void {
  const list = gaps[i] as readonly Gap[];
  let c = sweep.cursor[i] as number;
  while (c < list.length && (list[c] as Gap).to <= d) c++;
  sweep.cursor[i] = c;
  const gap = list[c];
  const inGap = gap !== undefined && gap.from <= d;
  sweep.why[i] = inGap ? (gap as Gap).reason : null;
  sweep.nextChange[i] = inGap ? (gap as Gap).to : gap ? gap.from : Number.POSITIVE_INFINITY;
}

/** The members who can serve, in roster order. */
function eligibleMembers(eligible: Uint8Array): number[] {
  const members: number[] = [];
  for (let i = 0; i < eligible.length; i++) if (eligible[i] === 1) members.push(i);
  return members;
}

/**
 * With `forgive`, the returning members that fell behind the least-served member who stayed, each
 * given that member's count (the caller also puts it last in line). One that fell behind in nothing
 * keeps its place, or a sliding window would see it skipped while others serve twice (found by the G2
 * property test).
 */
function rejoiningAtBack(returning: readonly number[], eligible: Uint8Array, count: Float64Array): number[] {
  let min = Number.POSITIVE_INFINITY;
  const back = new Set(returning);
  for (let i = 0; i < eligible.length; i++)
    if (eligible[i] === 1 && !back.has(i)) min = Math.min(min, count[i] as number);
  if (!Number.isFinite(min)) return [];
  const behind = returning.filter((i) => (count[i] as number) < min);
  for (const i of behind) count[i] = min;
  return behind;
}

/** A slot's outcome: who serves, set by hand or not, and, when too few could, how many are missing and why. */
function assignedSlot(
  slot: SlotDate,
  assignees: readonly string[],
  teamSize: number,
  override: { readonly reason: string } | undefined,
): AssignedSlot {
  const missing = teamSize - assignees.length;
  const base: AssignedSlot = override
    ? { ...slot, assignees, override: override.reason }
    : { ...slot, assignees };
  if (missing <= 0 || override) return base;
  const reason = assignees.length === 0 ? 'no-eligible-members' : 'too-few-eligible';
  return { ...base, unfilled: { reason, missing } };
}
