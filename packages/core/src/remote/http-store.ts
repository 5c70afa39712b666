import { type LinliError, LinliException, linliError } from '../errors/linli-error.js';
import { err, type Result } from '../errors/result.js';
import { READ_ONLY_ERROR } from '../governance/published-view.js';
import type { SignedCheckpoint } from '../log/checkpoint.js';
import { CheckpointKeeper } from '../log/checkpoint-keeper.js';
import type { DraftEvent, LoggedEvent } from '../log/event.js';
import type { AppendOptions, EventStore, ReadOptions, StoreListener } from '../log/store.js';
import { readEventStream } from './event-stream.js';
import { UNREACHABLE_ERROR } from './live-view.js';

/** How an {@link HttpStore} reaches its server. */
export interface HttpStoreOptions {
  /** An organizer token: the whole log holds secret ballots and residents' details. */
  readonly token: string;
  /** Injected for tests; defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
  /** First reconnect delay in ms after the stream drops, doubled each time up to 8 s (default 250). */
  readonly retryDelay?: number;
  /**
   * The server's Ed25519 public key (64 hex digits), learnt out of band. Given, every read must come
   * with a checkpoint signed by it; without it, the key of the first checkpoint seen is kept.
   */
  readonly publicKey?: string;
  /** The newest checkpoint this follower kept from an earlier session: a log behind it is refused. */
  readonly checkpoint?: SignedCheckpoint;
}

const corrupt = (seq: number, reason: string) =>
  new LinliException(linliError('log.corrupt', [], { seq, reason }));

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A community's log on a Linli server (`https://host/c/<community>`) as an {@link EventStore}: read
 * with `GET …/events` and followed on the organizer's event stream. `createGovernance({ store })` over
 * it is a live replica with every read model — statements, ageing, exports, secret ballots after the
 * close — and `verify()` checks the whole chain on the reader's own machine, so an auditor need not
 * trust the server's word. Appending is the server's alone: a client sends commands
 * (`connectLiveView`, `POST …/commands`) and never sealed events, so `append` refuses with
 * `view.read_only` and a replica's `execute` changes nothing.
 */
export class HttpStore implements EventStore {
  private readonly base: string;
  private readonly fetchImpl: typeof fetch;
  private readonly listeners = new Set<StoreListener>();
  private abort: AbortController | undefined;
  /** The newest seq handed out by `read` or the stream; the stream resumes after it. */
  private seen = 0;
  /** The newest signed checkpoint checked; see {@link HttpStore.checkpoint}. */
  private readonly keeper: CheckpointKeeper;

  constructor(
    endpoint: string,
    private readonly options: HttpStoreOptions,
  ) {
    this.base = endpoint.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.keeper = new CheckpointKeeper({
      ...(options.publicKey === undefined ? {} : { publicKey: options.publicKey }),
      ...(options.checkpoint === undefined ? {} : { checkpoint: options.checkpoint }),
    });
  }

  /**
   * The newest checkpoint the server signed that this follower has checked: keep it (e.g. in
   * localStorage) and pass it back as {@link HttpStoreOptions.checkpoint} next time.
   */
  get checkpoint(): SignedCheckpoint | undefined {
    return this.keeper.newest;
  }

  private get headers(): Record<string, string> {
    return { authorization: `Bearer ${this.options.token}` };
  }

  /** Always refuses with `view.read_only`: only the server appends, from commands it decided. */
  async append(
    _drafts: readonly DraftEvent[],
    _options: AppendOptions,
  ): Promise<Result<readonly LoggedEvent[], LinliError>> {
    return err(READ_ONLY_ERROR);
  }

  /**
   * Throws a `LinliException` with the server's refusal (e.g. `auth.required`) or `http.unreachable`,
   * or `log.corrupt` when the events disagree with a signed checkpoint (see {@link HttpStore.checkpoint}).
   */
  async read(options: ReadOptions = {}): Promise<readonly LoggedEvent[]> {
    const after = options.afterSeq ?? 0;
    const response = await this.fetchImpl(`${this.base}/events?after=${after}`, {
      headers: this.headers,
    }).catch(() => undefined);
    const body = (await response?.json().catch(() => undefined)) as
      | { events?: LoggedEvent[]; checkpoint?: unknown; error?: LinliError }
      | undefined;
    if (!response?.ok || !body?.events) throw new LinliException(body?.error ?? UNREACHABLE_ERROR);
    await this.check(body.events, after, body.checkpoint);
    this.seen = Math.max(this.seen, body.events.at(-1)?.seq ?? 0);
    return body.events;
  }

  /**
   * Holds a read to the server's signed heads: the checkpoint must be accepted by the keeper (signed
   * by the server's key, not older than the one kept), and every kept or new checkpoint the read
   * covers must be in it.
   */
  private async check(events: readonly LoggedEvent[], after: number, checkpoint: unknown): Promise<void> {
    const before = this.keeper.newest;
    if (checkpoint === undefined) {
      if (this.options.publicKey !== undefined || before !== undefined) throw corrupt(after + 1, 'unsigned');
      return;
    }
    const accepted = await this.keeper.accept(checkpoint);
    if (!accepted.ok) throw new LinliException(accepted.error);
    for (const head of before ? [before, accepted.value] : [accepted.value]) {
      if (head.seq <= after || head.seq > after + events.length) continue;
      if (events[head.seq - after - 1]?.hash !== head.hash) throw corrupt(head.seq, 'head-mismatch');
    }
  }

  /** Hears every new event from the organizer's stream; the stream closes when the last listener leaves. */
  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    if (!this.abort) {
      this.abort = new AbortController();
      void this.follow(this.abort);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.close();
    };
  }

  /** Stops following the stream. */
  close(): void {
    this.abort?.abort();
    this.abort = undefined;
  }

  /** Follows the organizer's stream, reconnecting after `seen` when it drops. */
  private async follow(abort: AbortController): Promise<void> {
    let delay = this.options.retryDelay ?? 250;
    while (!abort.signal.aborted) {
      try {
        const response = await this.fetchImpl(`${this.base}/stream?after=${this.seen}`, {
          headers: { ...this.headers, accept: 'text/event-stream' },
          signal: abort.signal,
        });
        await readEventStream(response, ({ event, data }) => {
          if (event !== 'events') return;
          const events = (JSON.parse(data) as LoggedEvent[]).filter((e) => e.seq > this.seen);
          if (events.length === 0) return;
          this.seen = events.at(-1)?.seq ?? this.seen;
          for (const listener of this.listeners) listener(events);
        });
        delay = this.options.retryDelay ?? 250;
      } catch {
        // dropped, refused or aborted: back off below
      }
      if (abort.signal.aborted) return;
      await sleep(delay);
      delay = Math.min(delay * 2, 8000);
    }
  }
}
