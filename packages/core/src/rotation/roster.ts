import type { CommunityState } from '../community/state.js';
import type { Resident } from '../community/types.js';
import type { LocalDate } from '../time/local-date.js';
import { addDays, dayNumber, fromDayNumber } from './calendar.js';
import type { Absence, Duty } from './duty.js';
import type { HolidayProvider } from './holidays.js';
import { slotInstants } from './instants.js';
import { occurrences } from './recurrence.js';
import { type AssignedSlot, assignSlots, type Gap, type Ineligibility, type SlotDate } from './schedule.js';
import { swapInEffect } from './swaps.js';

/** A slot of a duty's roster, with its instants and every change applied. */
export interface RosterSlot extends AssignedSlot {
  /** ISO instants of start and end. */
  readonly start: string;
  readonly end: string;
  /** The swap that changed this slot. */
  readonly swap?: string;
  /** A one-off cover: who was due and who served; or the repayment of one. */
  readonly cover?: { readonly due: string; readonly servedBy: string; readonly repayment: boolean };
}

/** The slot dates of a duty up to `to`, after holiday handling. */
export function slotDates(duty: Duty, to: LocalDate, holidays: HolidayProvider): SlotDate[] {
  const raw = occurrences(duty.recurrence, to);
  if (duty.holidays === 'ignore') return raw.map((date) => ({ date }));
  const taken = new Set(raw);
  const out: SlotDate[] = [];
  for (const date of raw) {
    if (!holidays.isHoliday(date)) {
      out.push({ date });
      continue;
    }
    const name = holidays.holidayName(date, 'zh-CN') ?? '';
    if (duty.holidays === 'skip') {
      out.push({ date, skipped: { reason: 'holiday', name } });
      continue;
    }
    // Next workday (a 调休 make-up Saturday counts), unless another occurrence is already there.
    let moved = addDays(date, 1);
    for (let i = 0; i < 60 && !holidays.isWorkday(moved); i++) moved = addDays(moved, 1);
    if (taken.has(moved)) out.push({ date, skipped: { reason: 'holiday', name } });
    else {
      taken.add(moved);
      out.push({ date: moved, movedFrom: date });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** What eligibility needs about one member, gathered once per roster instead of once per slot. */
export interface MemberFacts {
  readonly residents: readonly Resident[];
  readonly absences: readonly Absence[];
}

/** Residents and absences of each member unit. */
function factsByMember(community: CommunityState, duty: Duty): Map<string, MemberFacts> {
  const facts = new Map<string, { residents: Resident[]; absences: Absence[] }>(
    duty.members.map((m) => [m, { residents: [], absences: [] }]),
  );
  for (const r of community.residents.values()) facts.get(r.unitId)?.residents.push(r);
  for (const a of duty.absences) facts.get(a.memberId)?.absences.push(a);
  return facts;
}

const NO_FACTS: MemberFacts = { residents: [], absences: [] };

/** Why a member cannot serve on `date`, or null. Evaluated from the community model on that date. */
export function memberEligibility(duty: Duty, facts: MemberFacts, date: LocalDate): Ineligibility | null {
  let present = 0;
  let allOld = duty.exemptAge !== undefined;
  const year = Number(date.slice(0, 4));
  for (const r of facts.residents) {
    if (r.movedIn > date || (r.movedOut !== undefined && r.movedOut <= date)) continue;
    present++;
    if (allOld && (r.birthYear === undefined || year - r.birthYear < (duty.exemptAge as number)))
      allOld = false;
  }
  if (present === 0) return 'vacant';
  if (allOld) return 'exempt-age';
  for (const a of facts.absences) if (a.from <= date && date <= a.to) return 'away';
  return null;
}

/**
 * A member's ineligibility over time as sorted day-number gaps, built once from the dates on which
 * anything can change (moves, an 80th year starting, absences). Slot-by-slot checks then cost a
 * couple of integer comparisons instead of a scan of every resident.
 */
function ineligibleGaps(duty: Duty, facts: MemberFacts): Gap[] {
  const points = new Set<number>([-1e7, 1e7]);
  for (const r of facts.residents) {
    points.add(dayNumber(r.movedIn));
    if (r.movedOut !== undefined) points.add(dayNumber(r.movedOut));
    if (duty.exemptAge !== undefined && r.birthYear !== undefined)
      points.add(dayNumber(`${r.birthYear + duty.exemptAge}-01-01`));
  }
  for (const a of facts.absences) {
    points.add(dayNumber(a.from));
    points.add(dayNumber(a.to) + 1);
  }
  const sorted = [...points].sort((a, b) => a - b);
  const gaps: Gap[] = [];
  for (let k = 0; k + 1 < sorted.length; k++) {
    const from = sorted[k] as number;
    const to = sorted[k + 1] as number;
    const reason = memberEligibility(duty, facts, fromDayNumber(Math.max(from, -700_000)));
    if (reason === null) continue;
    const last = gaps.at(-1);
    if (last && last.to === from && last.reason === reason)
      gaps[gaps.length - 1] = { from: last.from, to, reason };
    else gaps.push({ from, to, reason });
  }
  return gaps;
}

/** How many residents live in the unit on `date` (at least 1): the weight of a household. */
function householdSize(facts: MemberFacts, date: LocalDate): number {
  let n = 0;
  for (const r of facts.residents)
    if (r.movedIn <= date && (r.movedOut === undefined || r.movedOut > date)) n++;
  return Math.max(1, n);
}

/** The days on which a household's size can change: its residents' move-in and move-out days. */
function moveDays(facts: MemberFacts | undefined): number[] {
  const days: number[] = [];
  for (const r of facts?.residents ?? []) {
    days.push(dayNumber(r.movedIn));
    if (r.movedOut !== undefined) days.push(dayNumber(r.movedOut));
  }
  // Repeats are harmless (the scheduler steps past every day already reached); order is not.
  return days.length > 1 ? days.sort((a, b) => a - b) : days;
}

/**
 * The roster of a duty up to `to`: slot dates (holidays skipped or moved), turns given by the duty's
 * policy, then swaps and covers applied to the slots they name — so a swap changes exactly two slots
 * and nobody's count (G4), and a cover is repaid at the coverer's next turn.
 */
export function dutyRoster(
  community: CommunityState,
  duty: Duty,
  to: LocalDate,
  holidays: HolidayProvider,
): RosterSlot[] {
  const facts = factsByMember(community, duty);
  const factsOf = (i: number) => facts.get(duty.members[i] as string) ?? NO_FACTS;
  const gaps = duty.members.map((m) => ineligibleGaps(duty, facts.get(m) ?? NO_FACTS));
  const overrides = new Map(
    duty.overrides.map((o) => [o.date as string, { assignees: o.assignees, reason: o.reason }]),
  );
  const assigned = assignSlots({
    slots: slotDates(duty, to, holidays),
    members: duty.members,
    teamSize: duty.teamSize,
    policy: duty.policy,
    reentry: duty.reentry,
    gaps,
    weight: (i, date) => householdSize(factsOf(i), date),
    weightChanges: duty.policy === 'weighted' ? duty.members.map((m) => moveDays(facts.get(m))) : [],
    overrides,
  });
  const instant = slotInstants(duty.time, duty.timeZone, assigned);
  const slots: RosterSlot[] = assigned.map((s) => {
    const start = instant(s.date);
    return {
      ...s,
      start: new Date(start).toISOString(),
      end: new Date(start + duty.durationMinutes * 60_000).toISOString(),
    };
  });
  const byDate = new Map(slots.map((s, i) => [s.date as string, i]));
  const replace = (i: number, from: string, to: string, extra: Partial<RosterSlot>) => {
    const slot = slots[i] as RosterSlot;
    if (!slot.assignees.includes(from)) return false;
    slots[i] = { ...slot, ...extra, assignees: slot.assignees.map((m) => (m === from ? to : m)) };
    return true;
  };
  for (const swap of duty.swaps) {
    if (!swapInEffect(duty, swap)) continue;
    const a = byDate.get(swap.first.date);
    const b = byDate.get(swap.second.date);
    if (a === undefined || b === undefined) continue;
    // Only when both still hold the turns they traded; otherwise the swap lapses (and says so in stats).
    const sa = slots[a] as RosterSlot;
    const sb = slots[b] as RosterSlot;
    if (!sa.assignees.includes(swap.first.memberId) || !sb.assignees.includes(swap.second.memberId)) continue;
    replace(a, swap.first.memberId, swap.second.memberId, { swap: swap.id });
    replace(b, swap.second.memberId, swap.first.memberId, { swap: swap.id });
  }
  for (const cover of duty.covers) {
    const i = byDate.get(cover.date);
    if (
      i === undefined ||
      !replace(i, cover.memberId, cover.coverId, {
        cover: { due: cover.memberId, servedBy: cover.coverId, repayment: false },
      })
    )
      continue;
    // Repaid at the coverer's next turn after it.
    for (let j = i + 1; j < slots.length; j++) {
      const slot = slots[j] as RosterSlot;
      if (slot.assignees.includes(cover.coverId) && !slot.assignees.includes(cover.memberId) && !slot.cover) {
        replace(j, cover.coverId, cover.memberId, {
          cover: { due: cover.coverId, servedBy: cover.memberId, repayment: true },
        });
        break;
      }
    }
  }
  return slots;
}

/** Per-member statistics over a window. */
export interface MemberStats {
  readonly memberId: string;
  readonly served: number;
  /** Turns covered for this member not yet repaid (positive: owes; negative: is owed). */
  readonly owed: number;
  /** Days in the window on which the member was exempt (age) or away. */
  readonly exemptDays: number;
  readonly awayDays: number;
  /** Days in the window on which nobody lived in the unit. */
  readonly vacantDays: number;
}

/** Counts turns, cover debts and exempt, away or vacant days for every member between `from` and `to`. */
export function memberStats(
  community: CommunityState,
  duty: Duty,
  roster: readonly RosterSlot[],
  from: LocalDate,
  to: LocalDate,
): MemberStats[] {
  const facts = factsByMember(community, duty);
  return duty.members.map((memberId) => {
    let served = 0;
    let owed = 0;
    for (const s of roster) {
      if (s.date < from || s.date > to) continue;
      if (s.assignees.includes(memberId)) served++;
      if (s.cover && !s.cover.repayment) {
        if (s.cover.due === memberId) owed++;
        if (s.cover.servedBy === memberId) owed--;
      }
      if (s.cover?.repayment) {
        if (s.cover.servedBy === memberId) owed--;
        if (s.cover.due === memberId) owed++;
      }
    }
    let exemptDays = 0;
    let awayDays = 0;
    let vacantDays = 0;
    for (let d = dayNumber(from); d <= dayNumber(to); d++) {
      const date = addDays(from, d - dayNumber(from));
      const why = memberEligibility(duty, facts.get(memberId) ?? NO_FACTS, date);
      if (why === 'exempt-age') exemptDays++;
      if (why === 'away') awayDays++;
      if (why === 'vacant') vacantDays++;
    }
    return { memberId, served, owed, exemptDays, awayDays, vacantDays };
  });
}

/** Who is on duty on a date (empty when no slot, or the slot is skipped or unfilled). */
export function onDuty(roster: readonly RosterSlot[], date: LocalDate): readonly string[] {
  return roster.find((s) => s.date === date)?.assignees ?? [];
}
