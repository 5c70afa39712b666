import type * as z from 'zod/mini';
import type { LinliError } from '../errors/linli-error.js';
import type { Result } from '../errors/result.js';
import type { DecideContext } from './context.js';

/** A command's zod/mini schema: an object whose `type` is a string literal. */
export type CommandSchema = z.ZodMiniType<{ readonly type: string }>;

/** The validated commands a list of schemas accepts. */
export type CommandOf<Schemas extends readonly CommandSchema[]> = z.output<Schemas[number]>;

/** An event body: a type and its payload. */
export interface EventBody {
  readonly type: string;
  readonly payload: unknown;
}

/** The event bodies described by a map from event type to payload. */
export type EventOf<Payloads> = {
  [K in keyof Payloads & string]: { readonly type: K; readonly payload: Payloads[K] };
}[keyof Payloads & string];

/** Decides one command type: the events it produces or the rule it breaks. Pure. */
export type CommandHandler<Reads, C, E> = (
  reads: Reads,
  command: C,
  context: DecideContext,
) => Result<E[], LinliError>;

/** Decides a command about one existing entity, found (or refused) before the command's own rules run. */
export type EntityHandler<Entity, Reads, C, E> = (
  entity: Entity,
  reads: Reads,
  command: C,
  context: DecideContext,
) => Result<E[], LinliError>;

/**
 * One handler for every command type of `C`, keyed by type. Written with `satisfies`, a command type
 * without its handler is a compile error rather than a command nobody decides.
 */
export type CommandHandlers<Reads, C extends { readonly type: string }, E> = {
  readonly [K in C['type']]: CommandHandler<Reads, Extract<C, { readonly type: K }>, E>;
};

/** Applies one event type to a state slice, in place. Events were checked by `decide`: it cannot fail. */
export type EventHandler<S, E> = (state: S, event: E) => void;

/**
 * One handler for every event type of `E`, keyed by type. Written with `satisfies`, an event type
 * without its handler is a compile error rather than an event appended and never applied.
 */
export type EventHandlers<S, E extends EventBody> = {
  readonly [K in E['type']]: EventHandler<S, Extract<E, { readonly type: K }>>;
};

/**
 * A domain (community, voting, funds, rotation, roles) in one shape, which governance composes.
 *
 * `Key` names the domain's slice of the composed state, `Reads` is what its decisions read (its own
 * slice and the slices of lower domains, by the same keys), and the command and event types come
 * from `Schemas` and `Event`: each of them must have its handler, or the module does not typecheck.
 */
export interface DomainModule<
  Key extends string,
  State,
  Reads extends { readonly [K in Key]: State },
  Schemas extends readonly CommandSchema[],
  Event extends EventBody,
  Queries = object,
> {
  /** The key of this domain's slice in the composed state. */
  readonly key: Key;
  /** The zod/mini schemas of the domain's commands. */
  readonly commands: Schemas;
  /** Every event type the domain applies, derived from {@link DomainModule.evolve}'s keys. */
  readonly events: readonly Event['type'][];
  /** The per-command decisions. */
  readonly decide: CommandHandlers<Reads, CommandOf<Schemas>, Event>;
  /** The per-event state changes. */
  readonly evolve: EventHandlers<State, Event>;
  /** A fresh, empty slice. */
  initial(): State;
  /** Read-only questions about the domain's state. */
  readonly queries: Queries;
}

/** The event types a handler map applies, in the map's order: derived, so no list is kept by hand. */
export function eventTypesOf<Handlers extends object>(handlers: Handlers): (keyof Handlers & string)[] {
  return Object.keys(handlers) as (keyof Handlers & string)[];
}

/** Decides a command by its type's handler; the one place a union meets its per-type handlers. */
export function decideBy<Reads, C extends { readonly type: string }, E>(
  handlers: CommandHandlers<Reads, C, E>,
  reads: Reads,
  command: C,
  context: DecideContext,
): Result<E[], LinliError> {
  const handler = handlers[command.type as C['type']] as CommandHandler<Reads, C, E>;
  return handler(reads, command, context);
}

/** Applies an event by its type's handler; an event type the map lacks (a newer writer's) changes nothing. */
export function evolveBy<S, E extends EventBody>(handlers: EventHandlers<S, E>, state: S, event: E): void {
  // Own keys only: a logged type such as `__proto__` or `toString` must not reach Object.prototype.
  if (!Object.hasOwn(handlers, event.type)) return;
  const handler = (handlers as unknown as Record<string, EventHandler<S, E>>)[event.type] as EventHandler<
    S,
    E
  >;
  handler(state, event);
}
