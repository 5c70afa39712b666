import type { ApiClient } from './api-client.js';

/** An organizer person of a community, as `GET /c/:community/organizers` names them. */
export interface OrganizerPerson {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  /** False once revoked: still named in the history, no longer able to check a paper. */
  readonly active: boolean;
}

/**
 * The community's organizer persons (`[]` when the server cannot say). The log names a person by
 * `<office>/<organizer id>`; screens show the name instead.
 */
export async function organizersOf(api: ApiClient, community: string): Promise<readonly OrganizerPerson[]> {
  const answer = await api.request<{ organizers: OrganizerPerson[] }>(
    `/c/${encodeURIComponent(community)}/organizers`,
  );
  return answer.ok ? answer.value.organizers : [];
}

/** The organizer id an actor `<office>/<organizer id>` ends with (the actor itself when it has no `/`). */
export const organizerIdOf = (actor: string): string => actor.slice(actor.lastIndexOf('/') + 1);

/** The name of the person an actor names, when `people` knows them. */
export function nameOf(actor: string, people: readonly OrganizerPerson[]): string | undefined {
  if (!actor.includes('/')) return undefined;
  const id = organizerIdOf(actor);
  return people.find((p) => p.id === id)?.name;
}
