import { effectiveArea } from '../community/queries.js';
import type { Contact } from '../community/types.js';
import { summarizeLedger } from '../funds/ledger.js';
import type { Locale } from '../i18n/locale.js';
import { termActiveOn } from '../roles/roles.js';
import type { HolidayProvider } from '../rotation/holidays.js';
import { dutyRoster } from '../rotation/roster.js';
import type { LocalDate } from '../time/local-date.js';
import { ballotChoiceText } from '../voting/choice-text.js';
import type { MotionStatus, Secrecy } from '../voting/motion.js';
import type { MotionState } from '../voting/state.js';
import { votedVoterIds } from '../voting/visibility.js';
import type { GovernanceState } from './state.js';

/** One period of a unit's ownership: who owned it, from the transfer's date until the next one. */
export interface OwnershipLine {
  readonly from: LocalDate;
  /** The next transfer's date; null for the current owners. */
  readonly until: LocalDate | null;
  readonly owners: readonly { readonly id: string; readonly name: string; readonly contact?: Contact }[];
}

/** A resident of the unit, past or present. */
export interface ResidentLine {
  readonly id: string;
  readonly name?: string;
  readonly birthYear?: number;
  readonly contact?: Contact;
  readonly movedIn: LocalDate;
  readonly movedOut?: LocalDate;
}

/** A motion the household was on the roll of, and what the record may say about its ballot. */
export interface VoteLine {
  readonly motionId: string;
  readonly title: string;
  readonly status: MotionStatus;
  readonly secrecy: Secrecy;
  /** Whether it voted; null where the motion hides who voted (a secret ballot without `showVoters`). */
  readonly voted: boolean | null;
  /** Its answer in words, only on a public motion; a secret ballot's choice is never here. */
  readonly choice: Readonly<Record<Locale, string>> | null;
}

/** One month of a recurring charge billed to the household. */
export interface BillLineRecord {
  readonly chargeId: string;
  readonly chargeName: string;
  readonly month: string;
  /** Fen. */
  readonly amount: number;
}

/** The household's account with one fund, in fen. */
export interface DuesLine {
  readonly fundId: string;
  readonly fundName: string;
  /** Pledges less credits: its share. */
  readonly share: number;
  readonly paid: number;
  /** What it still owes (share − paid + refunded, when positive). */
  readonly owed: number;
  /** The recurring charges' monthly bills, oldest first. */
  readonly bills: readonly BillLineRecord[];
}

/** The household's turns on one duty. */
export interface TurnsLine {
  readonly dutyId: string;
  readonly dutyName: string;
  /** Turns before today, oldest first. */
  readonly past: readonly LocalDate[];
  /** Its next turn on or after today, within a year; null when none. */
  readonly next: LocalDate | null;
}

/** A role a resident of the household holds or held. */
export interface RoleLine {
  readonly termId: string;
  readonly roleName: Readonly<Record<Locale, string>>;
  readonly residentId: string;
  readonly from: LocalDate;
  /** When the term ended or ends: its early end, else its planned end. */
  readonly until: LocalDate;
  readonly active: boolean;
}

/** A household's whole record: ownership over time, residents, votes, dues, duty turns and roles. */
export interface HouseholdRecord {
  readonly unit: {
    readonly id: string;
    readonly room: string;
    readonly floor: number;
    /** Hundredths of m². */
    readonly area: number;
    readonly building: string;
    readonly stairwell: string;
  };
  readonly ownership: readonly OwnershipLine[];
  readonly residents: readonly ResidentLine[];
  readonly votes: readonly VoteLine[];
  readonly dues: readonly DuesLine[];
  readonly turns: readonly TurnsLine[];
  readonly roles: readonly RoleLine[];
}

/** What the record is computed for: today (ledger ageing, turns past and next) and the rosters' holidays. */
export interface HouseholdRecordOptions {
  readonly today: LocalDate;
  readonly holidays: HolidayProvider;
}

function ownershipLines(state: GovernanceState, unitId: string): OwnershipLine[] {
  const unit = state.community.units.get(unitId);
  if (!unit) return [];
  return unit.ownership.map((period, i) => ({
    from: period.from,
    until: unit.ownership[i + 1]?.from ?? null,
    owners: period.ownerIds.map((id) => {
      const owner = state.community.owners.get(id);
      return { id, name: owner?.name ?? id, ...(owner?.contact ? { contact: owner.contact } : {}) };
    }),
  }));
}

/**
 * The motions whose roll holds the unit. Who voted comes from `votedVoterIds`, so a secret motion
 * that hides its voters hides them here too; the answer is read only from a public motion's ballot.
 */
function voteLines(state: GovernanceState, unitId: string): VoteLine[] {
  const lines: VoteLine[] = [];
  for (const entry of state.voting.motions.values()) {
    const { motion } = entry;
    const voter = motion.electorate.find((v) => v.unitIds.includes(unitId));
    if (!voter) continue;
    lines.push({
      motionId: motion.id,
      title: motion.title,
      status: motion.status,
      secrecy: motion.secrecy,
      voted: votedOf(entry, voter.id),
      choice: choiceOf(entry, voter.id),
    });
  }
  return lines;
}

function votedOf(entry: MotionState, voterId: string): boolean | null {
  if (entry.motion.secrecy === 'secret' && !entry.motion.showVoters) return null;
  return votedVoterIds(entry).includes(voterId);
}

function choiceOf(entry: MotionState, voterId: string): VoteLine['choice'] {
  if (entry.motion.secrecy !== 'public') return null;
  const ballot = entry.ballots.get(voterId);
  if (!ballot) return null;
  return {
    'zh-CN': ballotChoiceText(entry.motion, ballot.choice, 'zh-CN'),
    en: ballotChoiceText(entry.motion, ballot.choice, 'en'),
  };
}

function duesLines(state: GovernanceState, unitId: string, today: LocalDate): DuesLine[] {
  const lines: DuesLine[] = [];
  for (const [fundId, entries] of state.funds.entries) {
    const mine = entries.filter((e) => e.unitId === unitId);
    if (mine.length === 0) continue;
    const statement = summarizeLedger(mine, today).units.find((u) => u.unitId === unitId);
    const bills = mine.flatMap((e) =>
      e.kind === 'pledge' && e.source && 'chargeId' in e.source
        ? [
            {
              chargeId: e.source.chargeId,
              chargeName: state.funds.charges.get(e.source.chargeId)?.name ?? e.source.chargeId,
              month: e.source.month,
              amount: e.amount,
            },
          ]
        : [],
    );
    lines.push({
      fundId,
      fundName: state.funds.funds.get(fundId)?.name ?? fundId,
      share: statement?.owed ?? 0,
      paid: (statement?.paid ?? 0) - (statement?.refunded ?? 0),
      owed: statement?.arrears ?? 0,
      bills: bills.sort((a, b) => a.month.localeCompare(b.month)),
    });
  }
  return lines;
}

function yearAfter(date: LocalDate): LocalDate {
  return `${Number(date.slice(0, 4)) + 1}${date.slice(4)}` as LocalDate;
}

function turnsLines(state: GovernanceState, unitId: string, options: HouseholdRecordOptions): TurnsLine[] {
  const lines: TurnsLine[] = [];
  for (const duty of state.rotation.duties.values()) {
    if (!duty.members.includes(unitId)) continue;
    const mine = dutyRoster(state.community, duty, yearAfter(options.today), options.holidays).filter((s) =>
      s.assignees.includes(unitId),
    );
    lines.push({
      dutyId: duty.id,
      dutyName: duty.name,
      past: mine.filter((s) => s.date < options.today).map((s) => s.date),
      next: mine.find((s) => s.date >= options.today)?.date ?? null,
    });
  }
  return lines;
}

function roleLines(state: GovernanceState, residentIds: ReadonlySet<string>, today: LocalDate): RoleLine[] {
  const lines: RoleLine[] = [];
  for (const term of state.roles.terms.values()) {
    if (!residentIds.has(term.holder)) continue;
    const role = state.roles.roles.get(term.roleId);
    lines.push({
      termId: term.id,
      roleName: role?.name ?? { 'zh-CN': term.roleId, en: term.roleId },
      residentId: term.holder,
      from: term.from,
      until: term.endedOn ?? term.until,
      active: termActiveOn(term, today),
    });
  }
  return lines;
}

/**
 * A household's whole record, for the organizer's console and its printout: the unit's owners over
 * time, its residents in and out, the motions it was on the roll of (how it voted only on a public
 * motion — never a secret ballot's choice), its dues per fund with the monthly bills of recurring
 * charges, its duty turns past and next, and the roles its residents hold or held. Undefined for an
 * unknown unit. Pure: reads the state, nothing else.
 */
export function householdRecord(
  state: GovernanceState,
  unitId: string,
  options: HouseholdRecordOptions,
): HouseholdRecord | undefined {
  const { community } = state;
  const unit = community.units.get(unitId);
  if (!unit) return undefined;
  const stairwell = community.stairwells.get(unit.stairwellId);
  const residents = [...community.residents.values()].filter((r) => r.unitId === unitId);
  return {
    unit: {
      id: unit.id,
      room: unit.room,
      floor: unit.floor,
      area: effectiveArea(unit).area,
      building: (stairwell && community.buildings.get(stairwell.buildingId)?.name) ?? '',
      stairwell: stairwell?.name ?? '',
    },
    ownership: ownershipLines(state, unitId),
    residents: residents.map((r) => ({ ...r })).sort((a, b) => a.movedIn.localeCompare(b.movedIn)),
    votes: voteLines(state, unitId),
    dues: duesLines(state, unitId, options.today),
    turns: turnsLines(state, unitId, options),
    roles: roleLines(state, new Set(residents.map((r) => r.id)), options.today),
  };
}
