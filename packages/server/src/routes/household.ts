import {
  activeAnnouncements,
  type Clock,
  type Governance,
  type HouseholdDuty,
  type HouseholdHome,
  type HouseholdSwap,
  type HouseholdUnit,
  householdAccounts,
  type LocalDate,
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
/** How many of the other households' next turns the home offers to swap with, per duty. */
const SWAP_OFFERS = 8;
/** How far ahead the home looks for the household's turns, days. */
const TURNS_AHEAD_DAYS = 366;

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
    const ahead = gov.roster(duty.id, until).filter((slot) => slot.date >= today);
    const next = ahead
      .filter((slot) => slot.assignees.includes(unitId))
      .slice(0, NEXT_TURNS)
      .map((slot) => slot.date);
    const others = ahead
      .flatMap((slot) =>
        slot.assignees.includes(unitId)
          ? []
          : slot.assignees.map((other) => ({ date: slot.date, unitId: other, room: room(other) })),
      )
      .slice(0, SWAP_OFFERS);
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
      others,
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
