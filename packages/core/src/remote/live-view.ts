import { computed, type ReadonlySignal, signal } from '@preact/signals-core';
import { fetchPublishedView, type ReadModels, viewGovernance } from '../governance/published-view.js';
import { commandOutbox, type Outbox } from './command-outbox.js';
import { commandSender, sleep } from './command-sender.js';
import { readEventStream } from './event-stream.js';

export type { Outbox } from './command-outbox.js';
export { UNREACHABLE_ERROR } from './command-sender.js';

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
    roles: () => read((m) => m.roles(), []),
    announcements: () => read((m) => m.announcements(), []),
  };
}

/**
 * Connects to a community on a Linli server (`https://host/c/<community>`). The server decides
 * everything — tallies, rosters and fund tables arrive as its published view, refreshed whenever its
 * event stream announces an append — so a browser embed carries no domain rules and cannot be
 * talked into a different result. Commands go out with an idempotency key and are retried with
 * backoff while the network is down; the key makes a retry safe even if the first attempt did land.
 * A command that lost a race (`log.conflict`, 409) is sent once more after re-reading the view
 * (see `commandSender`).
 */
export function connectLiveView(endpoint: string, options: LiveViewOptions = {}): LiveView {
  const base = endpoint.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const retryDelay = options.retryDelay ?? 250;
  const current = signal<ReadModels | undefined>(undefined);
  const connected = signal(false);
  let closed = false;
  let abort: AbortController | undefined;
  let token = options.token;

  const sender = commandSender({
    base,
    fetch: fetchImpl,
    outbox: commandOutbox(options.outbox, base),
    token: () => token,
    attempts: options.attempts ?? 6,
    retryDelay,
    // Not the coalesced refresh: one started before a command may not include it.
    reread: () => loadView(),
  });
  const flush = sender.flush;

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
    execute: (command) => sender.execute(command),
    close() {
      closed = true;
      abort?.abort();
    },
  };
  return view;
}
