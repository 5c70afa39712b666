import {
  draftOf,
  type EventStore,
  type LinliError,
  type LoggedEvent,
  linliError,
  type Result,
  verify,
} from '@linli/core';

/**
 * Puts a backed-up log (what `GET /c/:id/events` answers the organizer) into an empty store. The
 * backup must verify; the store then seals the same drafts again, which gives the very same hashes —
 * so the restored log is provably the backed-up one, and a backup that was edited is refused before
 * anything is written.
 */
export async function restoreLog(
  store: EventStore,
  backup: unknown,
): Promise<Result<{ readonly events: number; readonly head: string }, LinliError>> {
  const events = (
    typeof backup === 'object' && backup !== null && 'events' in backup ? backup.events : backup
  ) as readonly LoggedEvent[];
  if (!Array.isArray(events))
    return { ok: false, error: linliError('log.corrupt', [], { seq: 0, reason: 'not a log' }) };
  let checked: ReturnType<typeof verify>;
  try {
    checked = verify(events);
  } catch {
    return { ok: false, error: linliError('log.corrupt', [], { seq: 0, reason: 'not a log' }) };
  }
  if (!checked.ok)
    return { ok: false, error: linliError('log.corrupt', [], { seq: checked.seq, reason: checked.reason }) };
  const existing = await store.read();
  if (existing.length > 0)
    return {
      ok: false,
      error: linliError('log.conflict', [], { expectedSeq: 0, actualSeq: existing.at(-1)?.seq ?? 0 }),
    };
  // Each event's own format and salt: a format-2 event re-seals only with the salt it was sealed with.
  const appended = await store.append(events.map(draftOf), { expectedSeq: 0 });
  if (!appended.ok) return appended;
  const head = appended.value.at(-1)?.hash ?? '';
  return { ok: true, value: { events: appended.value.length, head } };
}
