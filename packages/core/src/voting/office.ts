/**
 * The office an actor acts in: the part of the actor before the first `/`. A server names each
 * organizer person in the log as `<office>/<organizer id>` (e.g. `residents-committee/org-2`), so the
 * event says who acted while the motion belongs to the office: any organizer of the community may
 * close it early or enter its paper ballots, not only the person who drafted it. An actor without a
 * `/` (a household, or a log written before named organizers) is its own office.
 */
export function officeOf(actor: string): string {
  const slash = actor.indexOf('/');
  return slash === -1 ? actor : actor.slice(0, slash);
}

/** Whether `actor` acts in the same office as a motion's `organizer` (see {@link officeOf}). */
export function actsForOrganizer(actor: string, organizer: string): boolean {
  return officeOf(actor) === officeOf(organizer);
}
