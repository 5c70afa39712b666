import { type LinliError, LinliException, linliError, type Result } from '@linli/core';
import type { HostedCommunity } from '../http/env.js';
import { COMMUNITY_ID } from './community-id.js';
import type { CommunityRegistry, RegisteredCommunity } from './community-registry.js';
import type { CommunityLease, CommunitySource, ListedCommunity } from './community-source.js';

/** A community opened by the host's opener: everything but its origins (the registry keeps those). */
export interface OpenedCommunity {
  readonly hosted: Omit<HostedCommunity, 'origins'>;
  /** Flushes its checkpoint, disposes its governance, closes its stores. */
  readonly close: () => Promise<void>;
}

/** Opens one community's log, checked as at a server start; a refusal (e.g. `log.corrupt`) opens nothing. */
export type OpenCommunity = (community: RegisteredCommunity) => Promise<Result<OpenedCommunity, LinliError>>;

/** Founds a community in its (empty) log; a refusal founds nothing. */
export type FoundCommunity = (id: string, name: string) => Promise<Result<{ created: string }, LinliError>>;

export interface CommunityHostOptions {
  readonly registry: CommunityRegistry;
  readonly open: OpenCommunity;
  readonly found: FoundCommunity;
  /** A community no request has held for this long is closed (`LINLI_IDLE_SECONDS`; default 600 s). */
  readonly idleMs?: number;
  /** At most this many open at once: beyond it the least recently used idle one is closed (`LINLI_MAX_OPEN`). */
  readonly maxOpen?: number;
  /** How often the list (names, origins) is re-read, so an operator's edit shows (default 5 s). */
  readonly refreshMs?: number;
  /** Milliseconds now; injected so tests drive idleness. */
  readonly now?: () => number;
}

/** One community the host has open, or is opening. */
interface Entry {
  readonly ready: Promise<OpenedCommunity>;
  opened: OpenedCommunity | undefined;
  /** Requests, streams and jobs holding it now: never evicted while above 0. */
  users: number;
  lastUsed: number;
}

/** A request for an id not listed re-reads the list at most this often (a mistyped URL costs nothing). */
const MISS_REFRESH_MS = 1_000;

/**
 * The communities of one server, opened when first touched and closed when idle. Opening one is
 * single-flight (concurrent first requests share one open; a failed open is forgotten, so the next
 * touch tries again) and checked as a server start is (`checkedStart`: an edited log is refused with
 * `log.corrupt` then, not at start). A community held by a request, a live stream or a job
 * ({@link CommunityHost.withCommunity}) is never evicted; a request arriving while one is being
 * closed waits for the close and opens it afresh, so nothing it does is lost.
 */
export class CommunityHost implements CommunitySource {
  private readonly entries = new Map<string, Entry>();
  private readonly closing = new Map<string, Promise<void>>();
  private listing = new Map<string, RegisteredCommunity>();
  private listedAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | undefined;
  private timers: NodeJS.Timeout[] = [];
  private closed: Promise<void> | undefined;
  private readonly idleMs: number;
  private readonly now: () => number;

  constructor(private readonly options: CommunityHostOptions) {
    this.idleMs = options.idleMs ?? 600_000;
    this.now = options.now ?? Date.now;
  }

  /** Reads the list, then re-reads it and closes idle communities on timers (which keep no process alive). */
  async start(): Promise<void> {
    await this.refresh();
    const every = (ms: number, work: () => Promise<unknown>) => {
      const timer = setInterval(() => void work().catch((e) => console.error('linli: hosting:', e)), ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.options.refreshMs ?? 5_000, () => this.refresh());
    every(Math.max(1_000, Math.min(this.idleMs / 2, 30_000)), () => this.evictIdle());
  }

  /** The ids open now (opening ones included). */
  get openIds(): readonly string[] {
    return [...this.entries.keys()];
  }

  async acquire(id: string): Promise<CommunityLease | undefined> {
    if (!(await this.lookup(id))) return undefined;
    // An eviction under way ends first; from its end to taking the entry nothing else runs.
    for (let closing = this.closing.get(id); closing; closing = this.closing.get(id)) await closing;
    const entry = this.entries.get(id) ?? this.startOpening(id);
    entry.users += 1;
    let opened: OpenedCommunity;
    try {
      opened = await entry.ready;
    } catch (e) {
      entry.users -= 1;
      throw e;
    }
    entry.lastUsed = this.now();
    const held = entry;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      held.users -= 1;
      held.lastUsed = this.now();
    };
    return { community: this.withOrigins(id, opened), release };
  }

  /**
   * Runs `work` in the community, opening it if it is not open and holding it until `work` ends —
   * for jobs that are due whether anyone visits or not. Undefined if the community is not hosted;
   * a refused open throws its `LinliException`.
   */
  async withCommunity<T>(
    id: string,
    work: (community: HostedCommunity) => Promise<T>,
  ): Promise<T | undefined> {
    const lease = await this.acquire(id);
    if (!lease) return undefined;
    try {
      return await work(lease.community);
    } finally {
      lease.release();
    }
  }

  /**
   * Founds a new community and lists it, so it is served at once without a restart (`/setup`).
   * Refuses an id that is not a community id (`validation.invalid`) or is taken (`entity.duplicate_id`).
   */
  async found(id: string, name: string): Promise<Result<RegisteredCommunity, LinliError>> {
    if (!COMMUNITY_ID.test(id)) return { ok: false, error: linliError('validation.invalid', ['id']) };
    await this.refresh();
    if (this.listing.has(id))
      return { ok: false, error: linliError('entity.duplicate_id', ['id'], { kind: 'community', id }) };
    const founded = await this.options.found(id, name);
    if (!founded.ok) return founded;
    const community = { id, name, created: founded.value.created };
    await this.options.registry.register(community);
    await this.refresh();
    return { ok: true, value: this.listing.get(id) ?? { ...community, origins: [] } };
  }

  async originsOf(id: string): Promise<readonly string[] | undefined> {
    return (await this.lookup(id))?.origins;
  }

  async listed(): Promise<readonly ListedCommunity[]> {
    if (this.now() - this.listedAt >= MISS_REFRESH_MS) await this.refresh();
    return [...this.listing.values()].map(({ id, name }) => ({ id, name }));
  }

  /** Ready when the list's database answers; no community is opened for it. */
  async ready(): Promise<boolean> {
    return this.options.registry.list().then(
      () => true,
      () => false,
    );
  }

  /** Closes every community idle for the idle time; resolves once they are closed. */
  async evictIdle(): Promise<readonly string[]> {
    const now = this.now();
    const idle = [...this.entries]
      .filter(([, e]) => e.opened && e.users === 0 && now - e.lastUsed >= this.idleMs)
      .map(([id]) => id);
    await Promise.all(idle.map((id) => this.evict(id)));
    return idle;
  }

  /** Re-reads the list (names and origins) now; concurrent calls share one read. */
  async refresh(): Promise<void> {
    this.refreshing ??= this.options.registry
      .list()
      .then((communities) => {
        this.listing = new Map(communities.map((c) => [c.id, c]));
        this.listedAt = this.now();
      })
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }

  /** Stops the timers, closes whatever is open (graceful stop), then the list; once. */
  close(): Promise<void> {
    this.closed ??= this.closeAll();
    return this.closed;
  }

  private async closeAll(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    const opening = [...this.entries.values()].map((e) => e.ready.catch(() => undefined));
    await Promise.all(opening);
    await Promise.all([...this.entries.keys()].map((id) => this.evict(id, true)));
    await Promise.all(this.closing.values());
    await this.options.registry.close();
  }

  private async lookup(id: string): Promise<RegisteredCommunity | undefined> {
    const known = this.listing.get(id);
    if (known || this.now() - this.listedAt < MISS_REFRESH_MS) return known;
    await this.refresh();
    return this.listing.get(id);
  }

  private startOpening(id: string): Entry {
    const entry: Entry = {
      ready: this.open(id).then(
        (opened) => {
          entry.opened = opened;
          void this.trimToCap();
          return opened;
        },
        (e: unknown) => {
          if (this.entries.get(id) === entry) this.entries.delete(id);
          throw e;
        },
      ),
      opened: undefined,
      users: 0,
      lastUsed: this.now(),
    };
    this.entries.set(id, entry);
    return entry;
  }

  private async open(id: string): Promise<OpenedCommunity> {
    // Re-read on open: an origin edited while it was closed counts from its first request.
    await this.refresh();
    const registered = this.listing.get(id);
    if (!registered) throw new LinliException(linliError('http.not_found'));
    const opened = await this.options.open(registered);
    if (!opened.ok) throw new LinliException(opened.error);
    return opened.value;
  }

  private withOrigins(id: string, opened: OpenedCommunity): HostedCommunity {
    const host = this;
    return {
      ...opened.hosted,
      get origins() {
        return host.listing.get(id)?.origins ?? [];
      },
    };
  }

  /** Beyond `maxOpen`, closes the least recently used idle communities. */
  private async trimToCap(): Promise<void> {
    const max = this.options.maxOpen;
    if (max === undefined) return;
    const idle = [...this.entries]
      .filter(([, e]) => e.opened && e.users === 0)
      .sort(([, a], [, b]) => a.lastUsed - b.lastUsed);
    const excess = this.entries.size - max;
    await Promise.all(idle.slice(0, Math.max(0, excess)).map(([id]) => this.evict(id)));
  }

  private evict(id: string, evenIfHeld = false): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry?.opened || (entry.users > 0 && !evenIfHeld)) return Promise.resolve();
    this.entries.delete(id);
    const done = entry.opened
      .close()
      .catch((e: unknown) => console.error(`linli: closing community ${id} failed:`, e))
      .finally(() => {
        if (this.closing.get(id) === done) this.closing.delete(id);
      });
    this.closing.set(id, done);
    return done;
  }
}
