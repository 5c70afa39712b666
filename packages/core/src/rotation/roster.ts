import type { CommunityState } from '../community/state.js';
import type { Resident } from '../community/types.js';
import type { LocalDate } from '../time/local-date.js';
import { addDays, dayNumber, zonedInstant } from './calendar.js';
import type { Duty } from './duty.js';
import type { HolidayProvider } from './holidays.js';
import { occurrences } from './recurrence.js';
import { type AssignedSlot, assignSlots, type Ineligibility, type SlotDate } from './schedule.js';

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

/** Residents of each member unit, for eligibility checks. */
function residentsByUnit(community: CommunityState, members: readonly string[]): Map<string, Resident[]> {
  const wanted = new Set(members);
  const map = new Map<string, Resident[]>();
  for (const r of community.residents.values()) {
    if (!wanted.has(r.unitId)) continue;
    const list = map.get(r.unitId);
    if (list) list.push(r);
    else map.set(r.unitId, [r]);
  }
  return map;
}

/** Why member `unitId` cannot serve on `date`, or null. Evaluated from the community model on that date. */
export function memberEligibility(
  duty: Duty,
  residents: readonly Resident[],
  unitId: string,
  date: LocalDate,
): Ineligibility | null {
  const present = residents.filter(
    (r) => r.movedIn <= date && (r.movedOut === undefined || r.movedOut > date),
  );
  if (present.length === 0) return 'vacant';
  if (duty.exemptAge !== undefined) {
    const year = Number(date.slice(0, 4));
    const limit = duty.exemptAge;
    if (present.every((r) => r.birthYear !== undefined && year - r.birthYear >= limit)) return 'exempt-age';
  }
  for (const a of duty.absences) if (a.memberId === unitId && a.from <= date && date <= a.to) return 'away';
  return null;
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
  const residents = residentsByUnit(community, duty.members);
  const none: Resident[] = [];
  const overrides = new Map(
    duty.overrides.map((o) => [o.date as string, { assignees: o.assignees, reason: o.reason }]),
  );
  const assigned = assignSlots({
    slots: slotDates(duty, to, holidays),
    members: duty.members,
    teamSize: duty.teamSize,
    policy: duty.policy,
    reentry: duty.reentry,
    eligibility: (i, date) => {
      const unitId = duty.members[i] as string;
      return memberEligibility(duty, residents.get(unitId) ?? none, unitId, date);
    },
    weight: (i, date) => {
      const unitId = duty.members[i] as string;
      const count = (residents.get(unitId) ?? none).filter(
        (r) => r.movedIn <= date && (r.movedOut === undefined || r.movedOut > date),
      ).length;
      return Math.max(1, count);
    },
    overrides,
  });
  const slots: RosterSlot[] = assigned.map((s) => {
    const start = zonedInstant(s.date, duty.time, duty.timeZone);
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
    if (swap.status === 'proposed' || (duty.swapNeedsApproval && swap.status !== 'approved')) continue;
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
}

/** Counts turns, cover debts and exempt or away days for every member between `from` and `to`. */
export function memberStats(
  community: CommunityState,
  duty: Duty,
  roster: readonly RosterSlot[],
  from: LocalDate,
  to: LocalDate,
): MemberStats[] {
  const residents = residentsByUnit(community, duty.members);
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
    for (let d = dayNumber(from); d <= dayNumber(to); d++) {
      const date = addDays(from, d - dayNumber(from));
      const why = memberEligibility(duty, residents.get(memberId) ?? [], memberId, date);
      if (why === 'exempt-age') exemptDays++;
      if (why === 'away') awayDays++;
    }
    return { memberId, served, owed, exemptDays, awayDays };
  });
}

/** Who is on duty on a date (empty when no slot, or the slot is skipped or unfilled). */
export function onDuty(roster: readonly RosterSlot[], date: LocalDate): readonly string[] {
  return roster.find((s) => s.date === date)?.assignees ?? [];
}
