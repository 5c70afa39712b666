import { type DomainModule, eventTypesOf } from '../decide/domain-module.js';
import { rolesCommandSchemas } from './commands.js';
import { type RolesReads, rolesDeciders } from './decide.js';
import { emptyRolesState, type RolesEvent, type RolesState, rolesEvolvers, rolesOn } from './state.js';

const rolesQueries = { rolesOn } as const;

/** Building roles (楼组长 and specialists) in the one shape governance composes: roles and their terms. */
export const rolesModule: DomainModule<
  'roles',
  RolesState,
  RolesReads,
  typeof rolesCommandSchemas,
  RolesEvent,
  typeof rolesQueries
> = {
  key: 'roles',
  commands: rolesCommandSchemas,
  events: eventTypesOf(rolesEvolvers),
  decide: rolesDeciders,
  evolve: rolesEvolvers,
  initial: emptyRolesState,
  queries: rolesQueries,
};
