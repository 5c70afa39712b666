import type { LinliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import type { LoggedEvent } from '../log/event.js';
import type { CommandOutbox, OutboxEntry } from './command-outbox.js';

/**
 * The one client-side error a live view makes itself: the server could not be reached even after
 * retrying. Inlined (and kept equal to the catalog by a test) so a browser embed does not ship every
 * domain's messages.
 */
export const UNREACHABLE_ERROR: LinliError = {
  code: 'http.unreachable',
  path: [],
  params: {},
  message: {
    'zh-CN': '暂时连不上服务器，已保留您的操作，请稍后再试',
    en: 'The server cannot be reached right now; please try again shortly',
  },
};

/**
 * A live view's answer to a command it could not deliver yet: it is kept (across reloads) and sent by
 * itself when the connection returns, under the same idempotency key. Not a refusal: nothing was
 * decided. Inlined like {@link UNREACHABLE_ERROR} and kept equal to the catalog by a test.
 */
export const QUEUED_ERROR: LinliError = {
  code: 'http.queued',
  path: [],
  params: {},
  message: {
    'zh-CN': '已保存，联网后自动提交',
    en: 'Saved. It will be sent by itself when you are back online',
  },
};

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A command's answer: its logged events, or why the server refused it. */
export type CommandAnswer = Result<readonly LoggedEvent[], LinliError>;

/** A queued command the server refused when it was finally sent (a motion closed meanwhile). */
export interface RefusedCommand extends OutboxEntry {
  /** Why the server refused it. */
  readonly error: LinliError;
}

/**
 * A fresh key per command, so a retry after a lost answer is recognised and not appended twice.
 * (`getRandomValues`, not `randomUUID`: the latter is missing on plain-http pages.)
 */
const newKey = (): string =>
  Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');

/** The longest wait between two background resends of the queue (ms). */
const MAX_RESEND_DELAY = 30_000;

/** What a {@link commandSender} needs from its live view. */
export interface CommandSenderOptions {
  /** The community's address on the server (`https://host/c/<community>`). */
  readonly base: string;
  readonly fetch: typeof fetch;
  /** The outbox of whoever is signed in now (it changes with the token). */
  readonly outbox: () => CommandOutbox;
  /** The session or organizer token at the moment of sending. */
  readonly token: () => string | undefined;
  /** Attempts per command before it is answered {@link QUEUED_ERROR} and left to the background resends. */
  readonly attempts: number;
  /** First retry delay in ms, doubled each time up to 8 s (background resends start at 4 × it, up to 30 s). */
  readonly retryDelay: number;
  /** False when the browser knows it is offline (`navigator.onLine`): no attempt is made then. */
  readonly online: () => boolean;
  /** Reads the view again: after an answered command, and before resending a conflicted one. */
  readonly reread: () => Promise<void>;
  /** Called whenever the outbox or the list of refused commands changed. */
  readonly changed: () => void;
}

/** How a live view's commands reach the server. */
export interface CommandSender {
  /** Sends one command and answers the server's answer, or {@link QUEUED_ERROR} (see {@link commandSender}). */
  execute(command: unknown): Promise<CommandAnswer>;
  /** Sends what is queued (an earlier page's or connection's), oldest first, now. */
  flush(): Promise<void>;
  /** Queued commands the server refused when they were finally sent, since this page loaded. */
  refused(): readonly RefusedCommand[];
  /** Stops the background resends. */
  stop(): void;
}

/** One attempt to send a command; undefined means "no answer, try later" (offline, or a 5xx). */
async function sendOnce(
  options: CommandSenderOptions,
  key: string,
  command: unknown,
): Promise<CommandAnswer | undefined> {
  if (!options.online()) return undefined;
  try {
    const token = options.token();
    const response = await options.fetch(`${options.base}/commands`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': key,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ command }),
    });
    // 5xx means "not now": try again. Anything else is the server's answer.
    if (response.status >= 500) return undefined;
    const body = (await response.json()) as { events?: readonly LoggedEvent[]; error?: LinliError };
    if (!response.ok || !body.events) return err(body.error ?? UNREACHABLE_ERROR);
    return ok(body.events);
  } catch {
    return undefined; // offline
  }
}

/**
 * Sends a live view's commands under idempotency keys, kept in the outbox until answered. A command
 * gets `attempts` tries with backoff (a flaky line usually answers within them); then, or at once when
 * the browser says it is offline, it is answered {@link QUEUED_ERROR} and stays queued: the queue is
 * sent again with backoff up to 30 s, at every {@link CommandSender.flush} (the live view's `online`
 * listener and stream reconnects), and on the next page load. Commands land in the order they were
 * made: one made while others wait is queued behind them. The key makes every resend of a command
 * that did land answer its first events instead of appending again. A command refused with
 * `log.conflict` (409: another writer appended first, and nothing of it was written) is sent once more,
 * under the same key, after the view is read again; a second conflict is answered as it is.
 */
export function commandSender(options: CommandSenderOptions): CommandSender {
  const { attempts, retryDelay } = options;
  /** Keys an `execute` is delivering itself: a flush waits behind them (commands land in order). */
  const delivering = new Set<string>();
  const refusals: RefusedCommand[] = [];
  let resendTimer: ReturnType<typeof setTimeout> | undefined;
  let resendDelay = retryDelay * 4;
  let stopped = false;
  let flushing: Promise<void> | undefined;
  let flushAgain = false;

  const send = (key: string, command: unknown) => sendOnce(options, key, command);

  /** Sends until answered or `tries` run out; a conflict is sent once more after a re-read. */
  const answerOf = async (entry: OutboxEntry, tries: number): Promise<CommandAnswer | undefined> => {
    let delay = retryDelay;
    let conflicted = false;
    for (let attempt = 1; attempt <= tries && !stopped; attempt += 1) {
      const answer = await send(entry.key, entry.command);
      if (answer && !answer.ok && answer.error.code === 'log.conflict' && !conflicted) {
        conflicted = true;
        await options.reread().catch(() => undefined);
        attempt -= 1; // the conflict was an answer, not a failed attempt
        continue;
      }
      if (answer) {
        options.outbox().settle(entry.key);
        if (answer.ok) await options.reread().catch(() => undefined);
        options.changed();
        return answer;
      }
      if (!options.online()) return undefined;
      if (attempt < tries) await sleep(delay);
      delay = Math.min(delay * 2, 8000);
    }
    return undefined;
  };

  const scheduleResend = () => {
    if (stopped || resendTimer !== undefined) return;
    resendTimer = setTimeout(() => {
      resendTimer = undefined;
      void flush();
    }, resendDelay);
    resendDelay = Math.min(resendDelay * 2, MAX_RESEND_DELAY);
  };

  /** One pass over the queue, oldest first, until one gets no answer. */
  const flushOnce = async (): Promise<void> => {
    for (const entry of options.outbox().entries()) {
      if (stopped) return;
      if (delivering.has(entry.key)) return; // its `execute` sends it, then flushes what follows
      const answer = await answerOf(entry, 1);
      if (!answer) {
        scheduleResend();
        return;
      }
      if (!answer.ok) refusals.push({ ...entry, error: answer.error });
    }
    resendDelay = retryDelay * 4;
    options.changed();
  };

  /** Overlapping calls share one pass, plus one after it (a command queued meanwhile is not missed). */
  const flush = (): Promise<void> => {
    if (flushing) {
      flushAgain = true;
      return flushing;
    }
    flushing = flushOnce().finally(() => {
      flushing = undefined;
      if (flushAgain && !stopped) {
        flushAgain = false;
        void flush();
      }
    });
    return flushing;
  };

  return {
    async execute(command) {
      const entry: OutboxEntry = { key: newKey(), command };
      // Behind commands still waiting, it waits too: a changed ballot must not land before the first.
      const behind = options.outbox().entries().length > 0;
      options.outbox().add(entry);
      options.changed();
      if (behind) {
        void flush();
        return err(QUEUED_ERROR);
      }
      delivering.add(entry.key);
      try {
        const answer = await answerOf(entry, attempts);
        if (answer) {
          if (options.outbox().entries().length > 0) void flush(); // what was queued behind it
          return answer;
        }
      } finally {
        delivering.delete(entry.key);
      }
      scheduleResend();
      return err(QUEUED_ERROR);
    },
    flush,
    refused: () => refusals,
    stop() {
      stopped = true;
      if (resendTimer !== undefined) clearTimeout(resendTimer);
      resendTimer = undefined;
    },
  };
}
