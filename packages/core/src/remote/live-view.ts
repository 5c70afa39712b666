import { computed, type ReadonlySignal, signal } from '@preact/signals-core';
import { fetchPublishedView, type ReadModels, viewGovernance } from '../governance/published-view.js';
import {
  type CommandOutbox,
  commandOutbox,
  type Outbox,
  type OutboxEntry,
  outboxOwner,
} from './command-outbox.js';
import { commandSender, type RefusedCommand, sleep } from './command-sender.js';
import { readEventStream } from './event-stream.js';

export type { Outbox, OutboxEntry } from './command-outbox.js';
export { QUEUED_ERROR, type RefusedCommand, UNREACHABLE_ERROR } from './command-sender.js';

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
  /**
   * Attempts per command before it is answered `http.queued` and left to the background resends
   * (default 3: about 0.75 s on a line that drops requests; none at all when the browser is offline).
   */
  readonly attempts?: number;
  /** First retry delay in ms, doubled each time (default 250). */
  readonly retryDelay?: number;
  /** Whether the browser is online; defaults to `navigator.onLine` (true where there is none). */
  readonly online?: () => boolean;
  /** The clock for {@link LiveView.staleSince}, in ms since the epoch; defaults to `Date.now`. */
  readonly now?: () => number;
  /** Where the browser's `online` and `offline` events fire; defaults to the global object (`window`). */
  readonly onlineEvents?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
}

/** Read models kept current by a server, and commands sent to it. */
export interface LiveView extends ReadModels {
  /** Resolves once the first view has arrived (rejects if the endpoint is not a Linli server). */
  readonly ready: Promise<void>;
  /** True while the live stream is connected. */
  readonly connected: ReadonlySignal<boolean>;
  /**
   * Since when (ms since the epoch) what the view shows may be out of date: the last moment it was
   * known current (the live stream connected, or a view fetched). Undefined while the stream is
   * connected. A page says "showing data from 3 minutes ago" from it.
   */
  readonly staleSince: ReadonlySignal<number | undefined>;
  /**
   * The commands of whoever is signed in that the server has not answered yet, oldest first: kept in
   * the outbox across reloads and sent by themselves when the connection returns.
   */
  readonly pending: ReadonlySignal<readonly OutboxEntry[]>;
  /** Queued commands the server refused when they were finally sent (since this page loaded). */
  readonly refused: ReadonlySignal<readonly RefusedCommand[]>;
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
 * Follows the browser's `online` and `offline` events (on `target`, by default the global object):
 * back online, what waits is sent at once and the view read; offline, an open stream may linger without
 * data (the browser keeps the socket), so it is dropped: the view is stale from then on and the stream
 * is opened again with backoff. Answers a function that stops following them.
 */
function listenForNetwork(
  target: LiveViewOptions['onlineEvents'],
  on: { readonly online: () => void; readonly offline: () => void },
): () => void {
  const events = target ?? ('addEventListener' in globalThis ? globalThis : undefined);
  events?.addEventListener('online', on.online);
  events?.addEventListener('offline', on.offline);
  return () => {
    events?.removeEventListener('online', on.online);
    events?.removeEventListener('offline', on.offline);
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
  const now = options.now ?? Date.now;
  const online = options.online ?? (() => globalThis.navigator?.onLine !== false);
  const current = signal<ReadModels | undefined>(undefined);
  const connected = signal(false);
  const currentAt = signal<number | undefined>(undefined);
  const pending = signal<readonly OutboxEntry[]>([]);
  const refused = signal<readonly RefusedCommand[]>([]);
  let closed = false;
  let abort: AbortController | undefined;
  let token = options.token;
  // One outbox per community and household session: a token switches it.
  let outbox: CommandOutbox = commandOutbox(options.outbox, base, token ? outboxOwner(token) : undefined);

  const sender = commandSender({
    base,
    fetch: fetchImpl,
    outbox: () => outbox,
    token: () => token,
    attempts: options.attempts ?? 3,
    retryDelay,
    online,
    // Not the coalesced refresh: one started before a command may not include it.
    reread: () => loadView(),
    changed: () => {
      pending.value = outbox.entries();
      refused.value = [...sender.refused()];
    },
  });
  const flush = sender.flush;
  pending.value = outbox.entries();

  const loadView = async (): Promise<void> => {
    const view = await fetchPublishedView(`${base}/view`, fetchImpl);
    if (view.head.seq >= (current.peek()?.head.peek().seq ?? -1)) current.value = viewGovernance(view);
    currentAt.value = now();
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
        currentAt.value = now();
        delay = retryDelay;
        void flush();
        await readEventStream(response, ({ event }) => {
          // A head (what the public stream sends) or whole events (an organizer's): either way, a new view.
          if (event === 'head' || event === 'events') void refresh();
        });
      } catch {
        // dropped or refused: fall through to the backoff below
      }
      // What arrived up to the drop was current: the view is stale from now on.
      if (connected.peek()) currentAt.value = now();
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
  const stopListening = listenForNetwork(options.onlineEvents, {
    online: () => {
      void flush();
      void refresh();
    },
    offline: () => abort?.abort(),
  });

  const view: LiveView = {
    ready,
    connected,
    staleSince: computed(() => (connected.value ? undefined : currentAt.value)),
    pending,
    refused,
    ...currentReads(current),
    get token() {
      return token;
    },
    set token(value) {
      if (value === token) return;
      token = value;
      outbox = commandOutbox(options.outbox, base, value ? outboxOwner(value) : undefined);
      pending.value = outbox.entries();
      if (value) void flush();
    },
    execute: (command) => sender.execute(command),
    close() {
      closed = true;
      abort?.abort();
      sender.stop();
      stopListening();
    },
  };
  return view;
}
