/** Where unsent commands wait across page reloads: `localStorage` fits. */
export interface Outbox {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** A command not yet answered, with the idempotency key it is sent under. */
export interface OutboxEntry {
  readonly key: string;
  readonly command: unknown;
}

/** A live view's unanswered commands, kept in an {@link Outbox} under one key per server endpoint. */
export interface CommandOutbox {
  /** The unanswered commands, oldest first; none if there is no outbox or it cannot be read. */
  entries(): OutboxEntry[];
  /** Keeps a command until it is answered. */
  add(entry: OutboxEntry): void;
  /** Forgets an answered command. */
  settle(key: string): void;
}

/** The outbox of the server at `base`; without `storage`, commands are sent but not kept. */
export function commandOutbox(storage: Outbox | undefined, base: string): CommandOutbox {
  const storageKey = `linli-outbox:${base}`;
  const entries = (): OutboxEntry[] => {
    try {
      return JSON.parse(storage?.getItem(storageKey) || '[]') as OutboxEntry[];
    } catch {
      return [];
    }
  };
  // Storage can throw (quota, privacy mode); the command is still sent, only not kept.
  const keep = (list: readonly OutboxEntry[]) => {
    try {
      storage?.setItem(storageKey, JSON.stringify(list));
    } catch {}
  };
  return {
    entries,
    add: (entry) => keep([...entries(), entry]),
    settle: (key) => keep(entries().filter((p) => p.key !== key)),
  };
}
