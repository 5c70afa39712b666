import {
  draftOf,
  type EventStore,
  type LinliError,
  type LoggedEvent,
  linliError,
  type Result,
} from '@linli/core';
import { anchoredHead, type TrustAnchor, verifyAnchored } from './checkpoint/anchor.js';

/**
 * Puts a backed-up log (what `GET /c/:id/events` answers the organizer) into an empty store. The
 * backup must verify and contain the head `anchor` vouches for — the server's last checkpoint, a
 * head recorded elsewhere, or a checkpoint checked with the server's public key — so a backup that
 * was edited and re-hashed, or cut short, is refused (`log.corrupt`) before anything is written. The
 * store then seals the same drafts, salts included, which gives the very same hashes: the restored
 * log is provably the backed-up one.
 */
export async function restoreLog(
  store: EventStore,
  backup: unknown,
  anchor: TrustAnchor,
): Promise<Result<{ readonly events: number; readonly head: string }, LinliError>> {
  const events = typeof backup === 'object' && backup !== null && 'events' in backup ? backup.events : backup;
  const trusted = await anchoredHead(anchor);
  if (!trusted.ok) return trusted;
  const checked = verifyAnchored(events, trusted.value);
  if (!checked.ok) return checked;
  const log = events as readonly LoggedEvent[];
  const existing = await store.read();
  if (existing.length > 0)
    return {
      ok: false,
      error: linliError('log.conflict', [], { expectedSeq: 0, actualSeq: existing.at(-1)?.seq ?? 0 }),
    };
  // Each event's own format and salt: a format-2 event re-seals only with the salt it was sealed with.
  const appended = await store.append(log.map(draftOf), { expectedSeq: 0 });
  if (!appended.ok) return appended;
  const head = appended.value.at(-1)?.hash ?? '';
  return { ok: true, value: { events: appended.value.length, head } };
}
