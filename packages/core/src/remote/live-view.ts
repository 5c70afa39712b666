import { computed, type ReadonlySignal, signal } from '@preact/signals-core';
import type { LinliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import { fetchPublishedView, type ReadModels, viewGovernance } from '../governance/published-view.js';
import type { LoggedEvent } from '../log/event.js';
import { commandOutbox, type Outbox } from './command-outbox.js';
import { readEventStream } from './event-stream.js';

export type { Outbox } from './command-outbox.js';

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

/** How a live view talks to a Linli server. */
export interface LiveViewOptions {
  /**
   * Keeps commands the server has not answered yet (with their idempotency keys) so that they are sent
   * again after a reload or a reconnect; the key makes a resend that already landed harmless.
   */
  readonly outbox?: Outbox;
  /** A session or organizer token; without one the view is read-only (the server refuses commands). */
  readonly token?: string;
  /** Injected for tests and for Node; defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
  /** Attempts per command before giving up with `http.unreachable` (default 6, backing off to ~8 s). */
  readonly attempts?: number;
  /** First retry delay in ms, doubled each time (default 250). */
  readonly retryDelay?: number;
}

/** Read models kept current by a server, and commands sent to it. */
export interface LiveView extends ReadModels {
  /** Resolves once the first view has arrived (rejects if the endpoint is not a Linli server). */
  readonly ready: Promise<void>;
  /** True while the live stream is connected. */
  readonly connected: ReadonlySignal<boolean>;
  /** The token used for commands; set it after a household redeems its invite code. */
  token: string | undefined;
  /** Stops listening. */
  close(): void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A command's answer: its logged events, or why the server refused it. */
type CommandAnswer = Result<readonly LoggedEvent[], LinliError>;

/**
 * Wraps `load` so that a burst of calls runs it at most once in flight plus once after it (the later
 * calls all share that second run), and never again once `closed` says so. Failures are swallowed:
 * a view that could not be refreshed keeps the last one.
 */
function coalesced(load: () => Promise<void>, closed: () => boolean): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = load()
      .catch(() => undefined)
      .finally(() => {
        running = undefined;
        if (again && !closed()) {
          again = false;
          void run();
        }
      });
    return running;
  };
  return run;
}

/** The read models of whichever view is current, answering `fallback`s before the first arrives. */
function currentReads(current: ReadonlySignal<ReadModels | undefined>): Omit<ReadModels, 'execute'> {
  const read = <T>(pick: (models: ReadModels) => T, fallback: T): T => {
    const models = current.value;
    return models ? pick(models) : fallback;
  };
  return {
    head: computed(() => current.value?.head.value ?? { seq: 0, hash: '' }),
    motions: computed(() => current.value?.motions.value ?? []),
    tally: (id) => read((m) => m.tally(id), undefined),
    ballots: (id) => read((m) => m.ballots(id), []),
    voted: (id) => read((m) => m.voted(id), []),
    duty: (id) => read((m) => m.duty(id), undefined),
    roster: (id, to) => read((m) => m.roster(id, to), []),
    unit: (id) => read((m) => m.unit(id), undefined),
    stairwellBuilding: (id) => read((m) => m.stairwellBuilding(id), undefined),
    fundView: (id, asOf) => read((m) => m.fundView(id, asOf), undefined),
  };
}

/**
 * A fresh key per command, so a retry after a lost answer is recognised and not appended twice.
 * (`getRandomValues`, not `randomUUID`: the latter is missing on plain-http pages.)
 */
const newKey = (): string =>
  Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');

/**
 * Connects to a community on a Linli server (`https://host/c/<community>`). The server decides
 * everything — tallies, rosters and fund tables arrive as its published view, refreshed whenever its
 * event stream announces an append — so a browser embed carries no domain rules and cannot be
 * talked into a different result. Commands go out with an idempotency key and are retried with
 * backoff while the network is down; the key makes a retry safe even if the first attempt did land.
 */
export function connectLiveView(endpoint: string, options: LiveViewOptions = {}): LiveView {
  const base = endpoint.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const attempts = options.attempts ?? 6;
  const retryDelay = options.retryDelay ?? 250;
  const current = signal<ReadModels | undefined>(undefined);
  const connected = signal(false);
  let closed = false;
  let abort: AbortController | undefined;
  let token = options.token;
  const outbox = commandOutbox(options.outbox, base);

  /** One attempt; undefined means "no answer, try later". */
  const send = async (key: string, command: unknown): Promise<CommandAnswer | undefined> => {
    try {
      const response = await fetchImpl(`${base}/commands`, {
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
      // Not the coalesced refresh: one started before this command may not include it.
      await loadView().catch(() => undefined);
      return ok(body.events);
    } catch {
      return undefined; // offline
    }
  };

  /**
   * Sends what an earlier page or connection left in the outbox, oldest first, until one gets no
   * answer. Two flushes overlapping may send a command twice; its idempotency key makes that harmless.
   */
  const flush = async () => {
    for (const p of outbox.entries()) if (!(await send(p.key, p.command))) break;
  };

  const loadView = async (): Promise<void> => {
    const view = await fetchPublishedView(`${base}/view`, fetchImpl);
    if (view.head.seq >= (current.peek()?.head.peek().seq ?? -1)) current.value = viewGovernance(view);
  };

  /** Coalesces a burst of announcements into at most one fetch in flight plus one after it. */
  const refresh = coalesced(loadView, () => closed);

  /** Reads the SSE stream with fetch (works in browsers and Node alike) and reconnects when it drops. */
  const listen = async (): Promise<void> => {
    let delay = retryDelay;
    while (!closed) {
      abort = new AbortController();
      try {
        const after = current.peek()?.head.peek().seq ?? 0;
        const response = await fetchImpl(`${base}/stream?after=${after}`, {
          headers: { accept: 'text/event-stream' },
          signal: abort.signal,
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        connected.value = true;
        delay = retryDelay;
        void flush();
        await readEventStream(response, ({ event }) => {
          // A head (what the public stream sends) or whole events (an organizer's): either way, a new view.
          if (event === 'head' || event === 'events') void refresh();
        });
      } catch {
        // dropped or refused: fall through to the backoff below
      }
      connected.value = false;
      if (closed) break;
      await sleep(delay);
      delay = Math.min(delay * 2, 8000);
      await refresh();
    }
  };

  const ready = loadView();
  ready.then(
    () => void listen(),
    () => undefined,
  );

  const view: LiveView = {
    ready,
    connected,
    ...currentReads(current),
    get token() {
      return token;
    },
    set token(value) {
      token = value;
      if (value) void flush();
    },
    async execute(command) {
      const key = newKey();
      outbox.add({ key, command });
      let delay = retryDelay;
      for (let attempt = 1; attempt <= attempts; attempt += 1) {
        const answer = await send(key, command);
        if (answer) return answer;
        if (attempt < attempts) await sleep(delay);
        delay = Math.min(delay * 2, 8000);
      }
      // Still in the outbox (if there is one): sent again on reconnect or on the next visit.
      return err(UNREACHABLE_ERROR);
    },
    close() {
      closed = true;
      abort?.abort();
    },
  };
  return view;
}
