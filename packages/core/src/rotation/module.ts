import { type DomainModule, eventTypesOf } from '../decide/domain-module.js';
import { rotationCommandSchemas } from './commands.js';
import { type RotationReads, rotationDeciders } from './decide.js';
import type { RotationEvent } from './events.js';
import { dutyRoster } from './roster.js';
import { emptyRotationState, type RotationState, rotationEvolvers } from './state.js';

const rotationQueries = { dutyRoster } as const;

/** Duty rotation (轮值) in the one shape governance composes: duties, swaps, covers and overrides. */
export const rotationModule: DomainModule<
  'rotation',
  RotationState,
  RotationReads,
  typeof rotationCommandSchemas,
  RotationEvent,
  typeof rotationQueries
> = {
  key: 'rotation',
  commands: rotationCommandSchemas,
  events: eventTypesOf(rotationEvolvers),
  decide: rotationDeciders,
  evolve: rotationEvolvers,
  initial: emptyRotationState,
  queries: rotationQueries,
};
