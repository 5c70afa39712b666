import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { CommandHandlers, DomainModule, EventHandlers } from '../decide/domain-module.js';
import { EMPTY_HEAD, sealEvents } from '../log/event.js';
import type { VotingCommand } from '../voting/commands.js';
import { votingCommandSchemas } from '../voting/commands.js';
import type { VotingReads } from '../voting/decide.js';
import type { VotingEvent } from '../voting/events.js';
import { votingModule } from '../voting/module.js';
import type { VotingState } from '../voting/state.js';
import { type Command, commandSchema } from './commands.js';

import { commandRoutes, type DecidedEvent, domains, eventRoutes, type SliceEvolver } from './domains.js';
import { emptyState, type GovernanceState, replay } from './state.js';

// A voting command and event the domain does not know: the two mistakes the compiler must catch.
const reopenSchema = z.strictObject({ type: z.literal('motion.reopen'), motionId: z.string() });
type Reopen = z.output<typeof reopenSchema>;
type Reopened = { readonly type: 'motion.reopened'; readonly payload: { motionId: string } };
const withReopen = [...votingCommandSchemas, reopenSchema] as const;

type VotingModule<
  Schemas extends typeof votingCommandSchemas | typeof withReopen,
  E extends VotingEvent | Reopened,
> = DomainModule<'voting', VotingState, VotingReads, Schemas, E, typeof votingModule.queries>;

/** The `type` literal of a command schema. */
function commandType(schema: (typeof commandSchema)['_zod']['def']['options'][number]): string {
  return String(schema._zod.def.shape.type._zod.def.values[0]);
}

describe('typed routing', () => {
  it('does not compile a command schema added to a domain without its handler', () => {
    const misrouted: VotingModule<typeof withReopen, VotingEvent> = {
      ...votingModule,
      commands: withReopen,
      // @ts-expect-error 'motion.reopen' has no handler: formerly a prefix outside motion./proxy./ballot. typechecked and answered log.unavailable
      decide: votingModule.decide,
    };
    // @ts-expect-error no domain decides 'motion.reopen', so the governance routes do not cover the command union
    commandRoutes satisfies CommandHandlers<GovernanceState, Command | Reopen, DecidedEvent>;
    // @ts-expect-error the domain's own handler map misses it too
    votingModule.decide satisfies CommandHandlers<VotingReads, VotingCommand | Reopen, VotingEvent>;
    expect(Object.hasOwn(misrouted.decide, 'motion.reopen')).toBe(false);
  });

  it('does not compile an event type added to a domain without its handler', () => {
    const dropped: VotingModule<typeof votingCommandSchemas, VotingEvent | Reopened> = {
      ...votingModule,
      // @ts-expect-error 'motion.reopened' has no handler: formerly an event missing from a hand-kept list was appended and never applied
      evolve: votingModule.evolve,
    };
    // @ts-expect-error the governance event routes do not cover it either
    eventRoutes satisfies {
      readonly [K in (DecidedEvent | Reopened)['type']]: SliceEvolver<
        Extract<DecidedEvent | Reopened, { type: K }>
      >;
    };
    // @ts-expect-error nor does the domain's own handler map
    votingModule.evolve satisfies EventHandlers<VotingState, VotingEvent | Reopened>;
    expect(dropped.events).not.toContain('motion.reopened');
  });

  it('routes every accepted command type to exactly one domain, and no other type', () => {
    const accepted = commandSchema._zod.def.options.map(commandType).sort();
    expect(Object.keys(commandRoutes).sort()).toEqual(accepted);
    const owned = domains.flatMap((domain) => Object.keys(domain.decide));
    expect(owned.sort()).toEqual(accepted);
    for (const domain of domains) {
      expect(domain.commands.map(commandType).sort()).toEqual(Object.keys(domain.decide).sort());
    }
  });

  it('routes every event type to exactly one domain, the list of types derived from the handlers', () => {
    const owned = domains.flatMap((domain) => domain.events);
    expect(new Set(owned).size).toBe(owned.length);
    expect(Object.keys(eventRoutes).sort()).toEqual([...owned].sort());
    for (const domain of domains) expect(domain.events).toEqual(Object.keys(domain.evolve));
  });

  it('gives each domain its own empty slice under its key', () => {
    const state = emptyState();
    for (const domain of domains) expect(state[domain.key]).toEqual(domain.initial());
    expect(Object.keys(state)).toEqual(['head', ...domains.map((domain) => domain.key)]);
  });

  it('advances the head over event types it does not know, inherited object keys included', () => {
    const types = ['motion.reopened', 'toString', '__proto__', 'constructor', 'hasOwnProperty'];
    const drafts = types.map((type) => ({
      type,
      payload: {},
      actor: 'organizer',
      at: '2026-01-01T00:00:00.000Z',
    }));
    const events = sealEvents(drafts, EMPTY_HEAD);
    const state = replay(events);
    expect(state.head.seq).toBe(types.length);
    const { head: _head, ...slices } = state;
    const { head: _empty, ...empty } = emptyState();
    expect(slices).toEqual(empty);
  });
});
