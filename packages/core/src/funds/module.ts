import { type DomainModule, eventTypesOf } from '../decide/domain-module.js';
import { fundsCommandSchemas } from './commands.js';
import { type FundsReads, fundsDeciders } from './decide.js';
import type { FundsEvent } from './events.js';
import { fundsEvolvers } from './evolve.js';
import { fundView } from './fund-view.js';
import { emptyFundsState, type FundsState } from './state.js';

const fundsQueries = { fundView } as const;

/** Funds (资金) in the one shape governance composes: schemes, ledgers and recurring charges. */
export const fundsModule: DomainModule<
  'funds',
  FundsState,
  FundsReads,
  typeof fundsCommandSchemas,
  FundsEvent,
  typeof fundsQueries
> = {
  key: 'funds',
  commands: fundsCommandSchemas,
  events: eventTypesOf(fundsEvolvers),
  decide: fundsDeciders,
  evolve: fundsEvolvers,
  initial: emptyFundsState,
  queries: fundsQueries,
};
