import type { LinliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import type { LoggedEvent } from '../log/event.js';
import type { CommandOutbox } from './command-outbox.js';

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

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A command's answer: its logged events, or why the server refused it. */
export type CommandAnswer = Result<readonly LoggedEvent[], LinliError>;

/**
 * A fresh key per command, so a retry after a lost answer is recognised and not appended twice.
 * (`getRandomValues`, not `randomUUID`: the latter is missing on plain-http pages.)
 */
const newKey = (): string =>
  Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');

/** What a {@link commandSender} needs from its live view. */
export interface CommandSenderOptions {
  /** The community's address on the server (`https://host/c/<community>`). */
  readonly base: string;
  readonly fetch: typeof fetch;
  readonly outbox: CommandOutbox;
  /** The session or organizer token at the moment of sending. */
  readonly token: () => string | undefined;
  /** Attempts per command before `http.unreachable`. */
  readonly attempts: number;
  /** First retry delay in ms, doubled each time up to 8 s. */
  readonly retryDelay: number;
  /** Reads the view again: after an answered command, and before resending a conflicted one. */
  readonly reread: () => Promise<void>;
}

/** How a live view's commands reach the server. */
export interface CommandSender {
  /** Sends one command and answers the server's answer (see {@link commandSender}). */
  execute(command: unknown): Promise<CommandAnswer>;
  /** Sends what an earlier page or connection left in the outbox. */
  flush(): Promise<void>;
}

/**
 * Sends a live view's commands under idempotency keys, kept in the outbox until answered and retried
 * with backoff while the server does not answer. A command refused with `log.conflict` (409: another
 * writer, e.g. another server process, appended first, and nothing of it was written) is sent once
 * more, under the same key, after the view is read again. A rule that refuses it then (a motion
 * closed meanwhile) answers with its own error; a second conflict is answered as it is, never
 * retried in a loop.
 */
export function commandSender(options: CommandSenderOptions): CommandSender {
  const { base, outbox, attempts, retryDelay } = options;

  /** One attempt; undefined means "no answer, try later". */
  const send = async (key: string, command: unknown): Promise<CommandAnswer | undefined> => {
    try {
      const token = options.token();
      const response = await options.fetch(`${base}/commands`, {
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
      outbox.settle(key);
      if (!response.ok || !body.events) return err(body.error ?? UNREACHABLE_ERROR);
      await options.reread().catch(() => undefined);
      return ok(body.events);
    } catch {
      return undefined; // offline
    }
  };

  /**
   * Keeps `command` in the outbox and sends it, retrying with backoff while there is no answer; after
   * `attempts` it gives up with `http.unreachable`, the command still kept for the next visit.
   */
  const deliver = async (key: string, command: unknown): Promise<CommandAnswer> => {
    outbox.add({ key, command });
    let delay = retryDelay;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      const answer = await send(key, command);
      if (answer) return answer;
      if (attempt < attempts) await sleep(delay);
      delay = Math.min(delay * 2, 8000);
    }
    return err(UNREACHABLE_ERROR);
  };

  return {
    async execute(command) {
      const key = newKey();
      const answer = await deliver(key, command);
      if (answer.ok || answer.error.code !== 'log.conflict') return answer;
      await options.reread().catch(() => undefined);
      return deliver(key, command);
    },
    /**
     * Oldest first, until one gets no answer. Two flushes overlapping may send a command twice; its
     * idempotency key makes that harmless.
     */
    async flush() {
      for (const p of outbox.entries()) if (!(await send(p.key, p.command))) break;
    },
  };
}
