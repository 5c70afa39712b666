import { announcementsModule } from '../announcements/module.js';
import type { AnnouncementsEvent } from '../announcements/state.js';
import type { CommunityEvent } from '../community/events.js';
import { communityModule } from '../community/module.js';
import type { CommandHandlers, EventHandler } from '../decide/domain-module.js';
import type { FundsEvent } from '../funds/events.js';
import { fundsModule } from '../funds/module.js';
import type { LoggedEvent } from '../log/event.js';
import { rolesModule } from '../roles/module.js';
import type { RolesEvent } from '../roles/state.js';
import type { RotationEvent } from '../rotation/events.js';
import { rotationModule } from '../rotation/module.js';
import type { VotingEvent } from '../voting/events.js';
import { votingModule } from '../voting/module.js';
import type { Command } from './commands.js';

/**
 * Every domain governance composes, lower domains first: a domain's decisions may read the slices of
 * the domains before it (roles reads voting, everything reads community), never of those after it.
 */
export const domains = [
  communityModule,
  votingModule,
  fundsModule,
  rotationModule,
  rolesModule,
  announcementsModule,
] as const;

/** A domain governance composes. */
export type Domain = (typeof domains)[number];

/** The state slice of each domain, under the domain's key. */
export type DomainSlices = { readonly [D in Domain as D['key']]: ReturnType<D['initial']> };

/** An event body decided from a command, before the log gives it a seq, time and actor. */
export type DecidedEvent =
  | CommunityEvent
  | VotingEvent
  | FundsEvent
  | RotationEvent
  | RolesEvent
  | AnnouncementsEvent;

/** An event handler lifted from a domain's slice to every slice, as governance applies logged events. */
export type SliceEvolver<E> = EventHandler<DomainSlices, LoggedEvent & E>;

/** A domain's event handlers, each applied to the domain's own slice of the composed state. */
export function onSlice<D extends Domain>(
  domain: D,
): {
  readonly [T in keyof D['evolve']]: D['evolve'][T] extends EventHandler<never, infer E>
    ? SliceEvolver<E>
    : never;
} {
  const lifted = Object.entries(domain.evolve).map(([type, handler]) => {
    const apply = handler as EventHandler<unknown, unknown>;
    return [type, (slices: DomainSlices, event: unknown) => apply(slices[domain.key], event)] as const;
  });
  return Object.fromEntries(lifted) as never;
}

/**
 * How each event type changes the state, through the domain that owns it. An event type in
 * {@link DecidedEvent} that no domain applies does not compile.
 */
export const eventRoutes = {
  ...onSlice(communityModule),
  ...onSlice(votingModule),
  ...onSlice(fundsModule),
  ...onSlice(rotationModule),
  ...onSlice(rolesModule),
  ...onSlice(announcementsModule),
} satisfies { readonly [K in DecidedEvent['type']]: SliceEvolver<Extract<DecidedEvent, { type: K }>> };

/**
 * The decision for every command type Linli accepts, taken from the domain that owns it. A command
 * type in {@link Command} that no domain decides does not compile.
 */
export const commandRoutes = {
  ...communityModule.decide,
  ...votingModule.decide,
  ...fundsModule.decide,
  ...rotationModule.decide,
  ...rolesModule.decide,
  ...announcementsModule.decide,
} satisfies CommandHandlers<DomainSlices, Command, DecidedEvent>;
