import { describe, expect, it } from 'vitest';
import { linliError } from '../errors/linli-error.js';
import { err, ok } from '../errors/result.js';
import { sequentialIds } from '../time/ids.js';
import { seededRandom } from '../time/random.js';
import type { DecideContext } from './context.js';
import {
  type CommandHandlers,
  decideBy,
  type EventHandlers,
  type EventOf,
  eventTypesOf,
  evolveBy,
} from './domain-module.js';

type Counter = { count: number };
type Step = { readonly type: 'counter.step'; readonly by: number } | { readonly type: 'counter.reset' };
type CounterEvent = EventOf<{ 'counter.stepped': { by: number }; 'counter.reset': Record<string, never> }>;

const deciders = {
  'counter.step': (_reads, command) =>
    command.by === 0
      ? err(linliError('entity.not_found', ['by'], { kind: 'step', id: '0' }))
      : ok([{ type: 'counter.stepped', payload: { by: command.by } }]),
  'counter.reset': () => ok([{ type: 'counter.reset', payload: {} }]),
} satisfies CommandHandlers<{ readonly counter: Counter }, Step, CounterEvent>;

const evolvers = {
  'counter.stepped': (state: Counter, event: Extract<CounterEvent, { type: 'counter.stepped' }>) => {
    state.count += event.payload.by;
  },
  'counter.reset': (state: Counter) => {
    state.count = 0;
  },
} satisfies EventHandlers<Counter, CounterEvent>;

const context: DecideContext = {
  newId: sequentialIds(),
  today: '2026-01-01' as DecideContext['today'],
  now: new Date('2026-01-01T00:00:00Z'),
  actor: 'organizer',
  head: { seq: 0, hash: '' },
  holidays: { isHoliday: () => false, isWorkday: () => true, holidayName: () => undefined },
  random: seededRandom('domain-module'),
};

type Reads = { readonly counter: Counter };
const decide = (reads: Reads, command: Step, at: DecideContext) =>
  decideBy<Reads, Step, CounterEvent>(deciders, reads, command, at);

const apply = (state: Counter, event: CounterEvent) => evolveBy(evolvers, state, event);

describe('domain module helpers', () => {
  it('decides a command by the handler of its type, passing its errors through', () => {
    const reads = { counter: { count: 0 } };
    expect(decide(reads, { type: 'counter.step', by: 2 }, context)).toEqual(
      ok([{ type: 'counter.stepped', payload: { by: 2 } }]),
    );
    const refused = decide(reads, { type: 'counter.step', by: 0 }, context);
    expect(refused.ok || refused.error.code).toBe('entity.not_found');
    expect(decide(reads, { type: 'counter.reset' }, context)).toEqual(
      ok([{ type: 'counter.reset', payload: {} }]),
    );
  });

  it('applies an event by the handler of its type and ignores types it has no handler of', () => {
    const state = { count: 0 };
    apply(state, { type: 'counter.stepped', payload: { by: 3 } });
    expect(state.count).toBe(3);
    for (const type of ['counter.unknown', 'toString', '__proto__', 'constructor']) {
      apply(state, { type, payload: {} } as unknown as CounterEvent);
    }
    expect(state.count).toBe(3);
    apply(state, { type: 'counter.reset', payload: {} });
    expect(state.count).toBe(0);
  });

  it('derives the event types from the handler map, in its order', () => {
    expect(eventTypesOf(evolvers)).toEqual(['counter.stepped', 'counter.reset']);
  });
});
