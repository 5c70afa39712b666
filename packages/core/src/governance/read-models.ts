import { computed, type ReadonlySignal } from '@preact/signals-core';
import { activeAnnouncements } from '../announcements/queries.js';
import { type FundView, fundView } from '../funds/fund-view.js';
import { type LedgerSummary, summarizeLedger } from '../funds/ledger.js';
import type { LogHead } from '../log/event.js';
import { rolesRoster } from '../roles/roster.js';
import type { Duty } from '../rotation/duty.js';
import type { HolidayProvider } from '../rotation/holidays.js';
import { dutyRoster, type RosterSlot } from '../rotation/roster.js';
import type { Clock } from '../time/clock.js';
import { type LocalDate, localDateOf } from '../time/local-date.js';
import type { Ballot, Motion } from '../voting/motion.js';
import type { Tally } from '../voting/tally.js';
import { visibleBallots, visibleTally, votedVoterIds } from '../voting/visibility.js';
import { type CommunityView, communityView } from './community-view.js';
import { type HouseholdRecord, householdRecord } from './household-record.js';
import type { LiveState } from './live-state.js';
import type { ReadModels, UnitLabel } from './published-view.js';
import type { GovernanceState } from './state.js';

/** The reactive reads of a governance facade (a {@link ReadModels} but for `execute`): signals, and queries that re-run inside `computed`. */
export interface GovernanceReads extends Omit<ReadModels, 'execute'> {
  /** The last event folded in. */
  readonly head: ReadonlySignal<LogHead>;
  /** The community read model for today. */
  readonly community: ReadonlySignal<CommunityView>;
  /**
   * Runs `fn` on the current state and returns its result. Called inside a `computed` or `effect`, it
   * re-runs whenever the state changes, so any query becomes a live read model.
   */
  read<T>(fn: (state: Readonly<GovernanceState>) => T): T;
  /** Every motion, in the order drafted. */
  readonly motions: ReadonlySignal<readonly Motion[]>;
  /**
   * The tally of a motion right now (clock time decides whether its deadline has passed). Secret
   * motions reveal nothing but turnout before close. Reactive like `read`.
   */
  tally(motionId: string): Tally | undefined;
  /** The live ballots of a motion as the public may see them: none before close when secret. */
  ballots(motionId: string): readonly Ballot[];
  /** Who has voted on a motion, where the motion lets that be seen. */
  voted(motionId: string): readonly string[];
  /** A household's whole record for today (see {@link householdRecord}). Reactive like `read`. */
  householdRecord(unitId: string): HouseholdRecord | undefined;
  /** A duty, or undefined. */
  duty(dutyId: string): Duty | undefined;
  /** A unit's room and floor, for labels. */
  unit(unitId: string): UnitLabel | undefined;
  /** A duty's roster from its start up to `to` (holidays, swaps and covers applied). Reactive like `read`. */
  roster(dutyId: string, to: LocalDate): readonly RosterSlot[];
  /** A fund's public table (rows, totals, collection, income) as of `asOf` (default today). Reactive. */
  fundView(fundId: string, asOf?: LocalDate): FundView | undefined;
  /** A fund's totals and unit statements as of `asOf` (default today). Reactive like `read`. */
  fundSummary(fundId: string, asOf?: LocalDate): LedgerSummary | undefined;
}

/** What the read models need besides the state: "now", "today" and the holidays of rosters. */
export interface ReadModelSettings {
  readonly clock: Clock;
  readonly timeZone: string;
  readonly holidays: HolidayProvider;
}

/**
 * The read models over `live`. Each read first touches `live.version`, so a `computed` or `effect`
 * that calls it re-runs after every committed change — and never sees a group's tentative events
 * through a signal, as those do not bump the version.
 */
export function createReadModels(live: LiveState, settings: ReadModelSettings): GovernanceReads {
  const { clock, timeZone, holidays } = settings;
  const today = (): LocalDate => localDateOf(clock.now(), timeZone);
  /** The current state, tracked by whatever reactive context is running. */
  const tracked = (): GovernanceState => {
    live.version.value;
    return live.state;
  };
  return {
    head: computed(() => tracked().head),
    community: computed(() => communityView(tracked().community, today())),
    motions: computed(() => [...tracked().voting.motions.values()].map((entry) => entry.motion)),
    read: (fn) => fn(tracked()),
    tally(motionId) {
      const entry = tracked().voting.motions.get(motionId);
      return entry ? visibleTally(entry, clock.now()) : undefined;
    },
    duty: (dutyId) => tracked().rotation.duties.get(dutyId),
    unit(unitId) {
      const { community } = tracked();
      const unit = community.units.get(unitId);
      const buildingId = unit && community.stairwells.get(unit.stairwellId)?.buildingId;
      return unit && buildingId ? { room: unit.room, floor: unit.floor, buildingId } : undefined;
    },
    stairwellBuilding: (stairwellId) => tracked().community.stairwells.get(stairwellId)?.buildingId,
    roster(dutyId, to) {
      const state = tracked();
      const duty = state.rotation.duties.get(dutyId);
      return duty ? dutyRoster(state.community, duty, to, holidays) : [];
    },
    fundView(fundId, asOf) {
      const state = tracked();
      return fundView(state.community, state.funds, fundId, asOf ?? today());
    },
    roles() {
      const state = tracked();
      return rolesRoster(state.community, state.roles, today());
    },
    announcements: () => activeAnnouncements(tracked().announcements, today()),
    fundSummary(fundId, asOf) {
      const entries = tracked().funds.entries.get(fundId);
      return entries ? summarizeLedger(entries, asOf ?? today()) : undefined;
    },
    householdRecord: (unitId) => householdRecord(tracked(), unitId, { today: today(), holidays }),
    voted(motionId) {
      const entry = tracked().voting.motions.get(motionId);
      return entry ? votedVoterIds(entry) : [];
    },
    ballots(motionId) {
      const entry = tracked().voting.motions.get(motionId);
      return entry ? visibleBallots(entry, clock.now()) : [];
    },
  };
}
