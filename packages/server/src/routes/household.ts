import {
  activeAnnouncements,
  type Clock,
  type FundAccount,
  type Governance,
  householdAccounts,
  type LocalDate,
  type Locale,
  linliError,
  localDateOf,
  pendingSwaps,
  unitInScope,
} from '@linli/core';
import { Hono } from 'hono';
import type { FeedTokens } from '../feeds/feed-tokens.js';
import type { SignedInEnv } from '../http/env.js';
import { Refusal } from '../http/refusal.js';
import { requires } from '../middleware/auth.js';
import { householdFeedPath } from './duties.js';

/** How many of its next turns the household's home lists per duty. */
export const NEXT_TURNS = 4;
/** How far ahead the home looks for the household's turns, days. */
const TURNS_AHEAD_DAYS = 366;

/** The household's unit as its home names it. */
export interface HouseholdUnit {
  readonly id: string;
  readonly room: string;
  readonly floor: number;
  /** Hundredths of m². */
  readonly area: number;
  readonly building: string;
  readonly buildingId: string;
  readonly stairwell: string;
}

/** A swap on one of the household's duties that waits for it, or that it proposed. */
export interface HouseholdSwap {
  readonly swapId: string;
  /** The household's own turn in the trade, and the other household's (its room, never its id). */
  readonly mine: LocalDate;
  readonly theirs: LocalDate;
  readonly otherRoom: string;
  /** `acceptance`: waiting for the second household; `approval`: for the building head. */
  readonly stage: 'acceptance' | 'approval';
}

/** One duty the household serves on. */
export interface HouseholdDuty {
  readonly dutyId: string;
  readonly name: string;
  /** The turn's start time (HH:mm, the duty's zone). */
  readonly time: string;
  /** Its next turns, today on, at most {@link NEXT_TURNS}. */
  readonly next: readonly LocalDate[];
  /** Swaps another household asked of it, to accept or decline. */
  readonly asked: readonly HouseholdSwap[];
  /** Swaps it proposed that are still pending, to withdraw. */
  readonly proposed: readonly HouseholdSwap[];
  /** Its "my turns" calendar feed (a path on this server), or null where the server has no feed secret. */
  readonly calendar: string | null;
}

/** What `GET /c/:id/household` answers: only what concerns the signed-in household. */
export interface HouseholdHome {
  readonly asOf: LocalDate;
  readonly unit: HouseholdUnit;
  readonly accounts: readonly FundAccount[];
  readonly duties: readonly HouseholdDuty[];
  /** Roles its residents hold today. */
  readonly roles: readonly {
    readonly termId: string;
    readonly roleName: Readonly<Record<Locale, string>>;
    readonly from: LocalDate;
    readonly until: LocalDate;
  }[];
  /** Open motions it is on the roll of, and whether it voted (null where a secret motion hides that). */
  readonly motions: readonly {
    readonly motionId: string;
    readonly title: string;
    readonly voted: boolean | null;
  }[];
  /** Notices up today for it, and the ones it has not opened yet. */
  readonly notices: {
    readonly active: number;
    readonly unread: readonly { readonly id: string; readonly title: string }[];
  };
}

function unitOf(gov: Governance, unitId: string): HouseholdUnit | undefined {
  const record = gov.householdRecord(unitId);
  if (!record) return undefined;
  const buildingId = gov.unit(unitId)?.buildingId ?? '';
  return { ...record.unit, buildingId };
}

function dutiesOf(
  gov: Governance,
  unitId: string,
  today: LocalDate,
  calendar: (dutyId: string) => string | null,
): HouseholdDuty[] {
  const until = localDateOf(new Date(Date.parse(`${today}T12:00:00Z`) + TURNS_AHEAD_DAYS * 86_400_000));
  const room = (id: string) => gov.unit(id)?.room ?? '';
  const duties = gov.read((s) => [...s.rotation.duties.values()].filter((d) => d.members.includes(unitId)));
  return duties.map((duty) => {
    const next = gov
      .roster(duty.id, until)
      .filter((slot) => slot.date >= today && slot.assignees.includes(unitId))
      .slice(0, NEXT_TURNS)
      .map((slot) => slot.date);
    const pending = pendingSwaps(duty);
    const swap = (s: (typeof pending)[number], mineIsFirst: boolean): HouseholdSwap => {
      const [mine, theirs] = mineIsFirst ? [s.first, s.second] : [s.second, s.first];
      return {
        swapId: s.id,
        mine: mine.date,
        theirs: theirs.date,
        otherRoom: room(theirs.memberId),
        stage: s.stage === 'approval' ? 'approval' : 'acceptance',
      };
    };
    return {
      dutyId: duty.id,
      name: duty.name,
      time: duty.time,
      next,
      asked: pending
        .filter((s) => s.stage === 'acceptance' && s.second.memberId === unitId)
        .map((s) => swap(s, false)),
      proposed: pending.filter((s) => s.first.memberId === unitId).map((s) => swap(s, true)),
      calendar: calendar(duty.id),
    };
  });
}

/**
 * The signed-in household's own page under `/c/:community`. `GET /household` answers a household
 * session only (an organizer reads the whole record at its console) with {@link HouseholdHome}: its
 * unit, what it owes each fund and why (`householdAccounts` from the core: its payments with receipt
 * numbers, never another household's), its duties with next turns, swaps waiting for it and its
 * "my turns" calendar feed, the roles its residents hold, the open motions it may vote on and whether
 * it voted (as the published record may say), and its unread notices. `Cache-Control: private,
 * no-store`: it concerns one household.
 */
export function householdRoutes(clock: Clock, tokens: FeedTokens | undefined): Hono<SignedInEnv> {
  return new Hono<SignedInEnv>().get('/household', requires('household'), (c) => {
    const { id, governance } = c.get('community');
    const principal = c.get('principal');
    const unitId = principal.kind === 'household' ? principal.unitId : '';
    const unit = unitOf(governance, unitId);
    // A session whose unit left the register: nothing of it is left to show.
    if (!unit) throw new Refusal(linliError('entity.not_found', ['unit'], { kind: 'unit', id: unitId }));
    const asOf = localDateOf(clock.now());
    const record = governance.householdRecord(unitId);
    const answer: HouseholdHome = governance.read((s) => {
      const active = activeAnnouncements(s.announcements, asOf).filter((n) =>
        unitInScope(s.community, n.scope, unitId),
      );
      return {
        asOf,
        unit,
        accounts: householdAccounts(s.community, s.funds, unitId, asOf),
        duties: dutiesOf(governance, unitId, asOf, (duty) =>
          tokens ? householdFeedPath(tokens, id, duty, unitId) : null,
        ),
        roles: (record?.roles ?? [])
          .filter((r) => r.active)
          .map((r) => ({ termId: r.termId, roleName: r.roleName, from: r.from, until: r.until })),
        motions: (record?.votes ?? [])
          .filter((v) => v.status === 'open')
          .map((v) => ({ motionId: v.motionId, title: v.title, voted: v.voted })),
        notices: {
          active: active.length,
          unread: active
            .filter((n) => !s.announcements.reads.get(n.id)?.has(unitId))
            .map((n) => ({ id: n.id, title: n.title })),
        },
      };
    });
    c.header('Cache-Control', 'private, no-store');
    return c.json(answer);
  });
}
