import { computed, type ReadonlySignal, signal } from '@preact/signals-core';
import type { Announcement } from '../announcements/announcement.js';
import { activeAnnouncements } from '../announcements/queries.js';
import type { LinliError } from '../errors/linli-error.js';
import { err } from '../errors/result.js';
import type { FundView } from '../funds/fund-view.js';
import type { SignedCheckpoint } from '../log/checkpoint.js';
import type { LogHead } from '../log/event.js';
import { type BuildingRoles, rolesRoster } from '../roles/roster.js';
import type { Duty } from '../rotation/duty.js';
import type { RosterSlot } from '../rotation/roster.js';
import type { LocalDate } from '../time/local-date.js';
import type { Ballot, Motion } from '../voting/motion.js';
import type { Tally } from '../voting/tally.js';
import type { Governance } from './governance.js';
import { publishedRoster, publishedRosterWindow } from './published-roster.js';

/** A unit as a widget names it. */
export interface UnitLabel {
  readonly room: string;
  readonly floor: number;
  readonly buildingId: string;
}

/**
 * What the embeddable widgets read. A live {@link Governance} provides it, and so does a published
 * view loaded from JSON (a read-only embed), so widgets need no domain logic of their own.
 */
export interface ReadModels {
  readonly head: ReadonlySignal<LogHead>;
  readonly motions: ReadonlySignal<readonly Motion[]>;
  tally(motionId: string): Tally | undefined;
  ballots(motionId: string): readonly Ballot[];
  voted(motionId: string): readonly string[];
  duty(dutyId: string): Duty | undefined;
  roster(dutyId: string, to: LocalDate): readonly RosterSlot[];
  unit(unitId: string): UnitLabel | undefined;
  /** The building a stairwell belongs to. */
  stairwellBuilding(stairwellId: string): string | undefined;
  fundView(fundId: string, asOf?: LocalDate): FundView | undefined;
  /** Every building's roles (一长五大 and custom ones): holders, terms and vacant seats; no contacts. */
  roles(): readonly BuildingRoles[];
  /**
   * The notices up today (not withdrawn, not expired), newest first, each with its scope; never who
   * read them.
   */
  announcements(): readonly Announcement[];
  execute: Governance['execute'];
}

/** Everything a read-only embed shows, computed once by the publisher: plain JSON. */
export interface PublishedView {
  readonly format: 'linli-view';
  readonly version: 1;
  readonly head: LogHead;
  /** The community as its founding named it (absent before `community.found`, and in older files). */
  readonly community?: { readonly name: string };
  /**
   * The newest head the server signed (added by a Linli server, absent from a plain published file):
   * check it with `verifyCheckpoint` and keep it, to detect a log rewritten or rolled back behind it.
   */
  readonly checkpoint?: SignedCheckpoint;
  /** The date the view was computed for (tallies, rosters, fund tables). */
  readonly asOf: LocalDate;
  readonly motions: readonly Motion[];
  readonly tallies: Readonly<Record<string, Tally>>;
  readonly ballots: Readonly<Record<string, readonly Ballot[]>>;
  readonly voted: Readonly<Record<string, readonly string[]>>;
  readonly duties: readonly Duty[];
  readonly rosters: Readonly<Record<string, readonly RosterSlot[]>>;
  readonly units: Readonly<Record<string, UnitLabel>>;
  readonly stairwells: Readonly<Record<string, string>>;
  readonly funds: Readonly<Record<string, FundView>>;
  /** Every building's roles on `asOf` (absent from files published before roles were). */
  readonly roles?: readonly BuildingRoles[];
  /**
   * The notices up on `asOf`, newest first, with their scope (absent from files published before
   * notices were). Reads are never published.
   */
  readonly announcements?: readonly Announcement[];
}

/**
 * Publishes what the widgets show, for a static JSON file: rosters from 3 months before `asOf` up to
 * `rosterUntil`, and never more than 12 months ahead ({@link publishedRosterWindow}).
 */
export function publishView(
  gov: Governance,
  options: { readonly asOf: LocalDate; readonly rosterUntil: LocalDate },
): PublishedView {
  const motions = gov.motions.value;
  const duties = gov.read((s) => [...s.rotation.duties.values()]);
  const window = publishedRosterWindow(options.asOf, options.rosterUntil);
  const founded = gov.community.value.community;
  return {
    format: 'linli-view',
    version: 1,
    head: gov.head.value,
    ...(founded ? { community: { name: founded.name } } : {}),
    asOf: options.asOf,
    motions,
    tallies: Object.fromEntries(
      motions.flatMap((m) => {
        const tally = gov.tally(m.id);
        return tally ? [[m.id, tally]] : [];
      }),
    ),
    ballots: Object.fromEntries(motions.map((m) => [m.id, gov.ballots(m.id)])),
    voted: Object.fromEntries(motions.map((m) => [m.id, gov.voted(m.id)])),
    duties,
    rosters: Object.fromEntries(duties.map((d) => [d.id, publishedRoster(gov, d.id, window)])),
    units: gov.read((s) =>
      Object.fromEntries(
        [...s.community.units.keys()].flatMap((id) => {
          const label = gov.unit(id);
          return label ? [[id, label]] : [];
        }),
      ),
    ),
    stairwells: gov.read((s) =>
      Object.fromEntries([...s.community.stairwells.values()].map((w) => [w.id, w.buildingId])),
    ),
    funds: gov.read((s) =>
      Object.fromEntries(
        [...s.funds.funds.keys()].flatMap((id) => {
          const view = gov.fundView(id, options.asOf);
          return view ? [[id, view]] : [];
        }),
      ),
    ),
    roles: gov.read((s) => rolesRoster(s.community, s.roles, options.asOf)),
    announcements: gov.read((s) => activeAnnouncements(s.announcements, options.asOf)),
  };
}

/**
 * The refusal of a read-only view, spelled out here rather than built from the message catalog, so an
 * embed that only shows results does not ship every domain's error messages (a test keeps the two equal).
 */
export const READ_ONLY_ERROR: LinliError = {
  code: 'view.read_only',
  path: [],
  params: {},
  message: {
    'zh-CN': '这是只读的公示页面，不能在此提交',
    en: 'This is a read-only published view; nothing can be submitted here',
  },
};

/**
 * Fetches a published view (a file, or a Linli server's `/view`) and checks it is one. Shared by
 * read-only embeds and live views.
 */
export async function fetchPublishedView(url: string, fetchImpl?: typeof fetch): Promise<PublishedView> {
  const response = await (fetchImpl ?? fetch)(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const view = (await response.json()) as PublishedView;
  if (view?.format !== 'linli-view' || view.version !== 1) throw new Error('not a Linli published view');
  return view;
}

/**
 * Read models backed by a published view: lookups only. Commands are refused with
 * `view.read_only`, so a widget on a static page shows results but offers no way to change them.
 */
export function viewGovernance(view: PublishedView): ReadModels {
  const head = signal(view.head);
  return {
    head,
    motions: computed(() => view.motions),
    tally: (id) => view.tallies[id],
    ballots: (id) => view.ballots[id] ?? [],
    voted: (id) => view.voted[id] ?? [],
    duty: (id) => view.duties.find((d) => d.id === id),
    roster: (id, to) => (view.rosters[id] ?? []).filter((s) => s.date <= to),
    unit: (id) => view.units[id],
    stairwellBuilding: (id) => view.stairwells[id],
    fundView: (id) => view.funds[id],
    roles: () => view.roles ?? [],
    announcements: () => view.announcements ?? [],
    execute: async () => err(READ_ONLY_ERROR),
  };
}
