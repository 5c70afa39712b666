/** Where unsent commands wait across page reloads: `localStorage` fits. */
export interface Outbox {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** A command not yet answered, with the idempotency key it is sent under. */
export interface OutboxEntry {
  /** The idempotency key it is sent under, every time. */
  readonly key: string;
  /** The command as `execute` was given it. */
  readonly command: unknown;
}

/**
 * What a kept outbox must look like; anything else (damaged, hand-edited) reads as empty. Checked by
 * hand, not with zod: every live element's bundle carries this file, and zod would add 5.5 KB gz.
 */
function isStoredEntries(value: unknown): value is OutboxEntry[] {
  return (
    Array.isArray(value) &&
    value.every(
      (e: unknown) =>
        typeof e === 'object' &&
        e !== null &&
        typeof (e as { key?: unknown }).key === 'string' &&
        (e as { key: string }).key.length > 0 &&
        'command' in e,
    )
  );
}

/** A live view's unanswered commands, kept in an {@link Outbox} under one key per server endpoint and signer. */
export interface CommandOutbox {
  /** The unanswered commands, oldest first; none if there is no outbox or it cannot be read. */
  entries(): OutboxEntry[];
  /** Keeps a command until it is answered. */
  add(entry: OutboxEntry): void;
  /** Forgets an answered command. */
  settle(key: string): void;
}

/**
 * Who queued a command, as an outbox key part: a 64-bit FNV-1a fingerprint of the session token (the
 * household's session on this phone), so that one household's queued ballot is never sent under another
 * household's sign-in on the same phone, and the token itself is not written a second time.
 */
export function outboxOwner(token: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < token.length; i += 1) {
    const c = token.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/**
 * The outbox of the server at `base` (a community's address, so one per community) and, when `owner`
 * is given ({@link outboxOwner} of the session token), one per household session. Without `storage`,
 * or once it refuses a write (quota, privacy mode), the commands are kept in memory: still resent
 * while the page is open, only not across a reload.
 */
export function commandOutbox(storage: Outbox | undefined, base: string, owner?: string): CommandOutbox {
  const storageKey = owner === undefined ? `linli-outbox:${base}` : `linli-outbox:${base}#${owner}`;
  let memory: OutboxEntry[] | undefined = storage ? undefined : [];
  const stored = (): OutboxEntry[] => {
    try {
      const kept: unknown = JSON.parse(storage?.getItem(storageKey) || '[]');
      return isStoredEntries(kept) ? kept.map(({ key, command }) => ({ key, command })) : [];
    } catch {
      return [];
    }
  };
  const entries = (): OutboxEntry[] => (memory ? [...memory] : stored());
  const keep = (list: OutboxEntry[]) => {
    if (!memory) {
      try {
        storage?.setItem(storageKey, JSON.stringify(list));
        return;
      } catch {}
    }
    memory = list;
  };
  return {
    entries,
    add: (entry) => keep([...entries().filter((p) => p.key !== entry.key), entry]),
    settle: (key) => keep(entries().filter((p) => p.key !== key)),
  };
}
