import type { Principal } from './auth-store.js';

/** At most this many verified tokens are kept per process (the oldest go first). */
export const SESSION_CACHE_LIMIT = 100_000;

/**
 * The tokens this process has verified (token hash → principal, per community), so a signed-in
 * household's request costs no database round trip. Only positive answers are kept: a token issued by
 * another process a moment ago is looked up, never refused from memory.
 *
 * Ending sessions anywhere must reach every process at once, so the cache is only trusted while the
 * process hears the database's notifications: `usable` (LISTEN in place) is asked on every look-up
 * and store. An ended session is announced on the LISTEN channel and {@link SessionCache.drop}s the
 * community's entries in every process; a lost or re-established LISTEN connection
 * {@link SessionCache.dropAll}s, since notifications in between were missed. A look-up that was
 * under way while entries were dropped is not stored (its answer may predate the end): see
 * {@link SessionCache.ticket}.
 */
export class SessionCache {
  private readonly communities = new Map<string, Map<string, Principal>>();
  private size = 0;
  /** Bumped by every drop: a ticket from before a drop no longer stores. */
  private epoch = 0;

  constructor(
    private readonly usable: () => boolean,
    private readonly limit = SESSION_CACHE_LIMIT,
  ) {}

  /** The principal of `tokenHash` in `community` if verified here and the cache is trusted now. */
  get(community: string, tokenHash: string): Principal | undefined {
    return this.usable() ? this.communities.get(community)?.get(tokenHash) : undefined;
  }

  /** Taken before reading the database; {@link SessionCache.store} ignores answers older than a drop. */
  ticket(): number {
    return this.epoch;
  }

  /** Keeps a verified principal, unless entries were dropped since `ticket` or the cache is not trusted. */
  store(community: string, tokenHash: string, principal: Principal, ticket: number): void {
    if (ticket !== this.epoch || !this.usable()) return;
    let tokens = this.communities.get(community);
    if (!tokens) {
      tokens = new Map();
      this.communities.set(community, tokens);
    }
    if (!tokens.has(tokenHash)) this.size += 1;
    tokens.set(tokenHash, principal);
    if (this.size > this.limit) this.evictOldest();
  }

  /** Forgets `community`'s verified tokens (sessions ended there, in this process or another). */
  drop(community: string): void {
    this.epoch += 1;
    this.size -= this.communities.get(community)?.size ?? 0;
    this.communities.delete(community);
  }

  /** Forgets every verified token (notifications may have been missed). */
  dropAll(): void {
    this.epoch += 1;
    this.size = 0;
    this.communities.clear();
  }

  /** Over the limit: the oldest token of the community verified first is forgotten. */
  private evictOldest(): void {
    const [community, tokens] = this.communities.entries().next().value ?? [];
    const oldest = tokens?.keys().next().value;
    if (community === undefined || tokens === undefined || oldest === undefined) return;
    tokens.delete(oldest);
    this.size -= 1;
    if (tokens.size === 0) this.communities.delete(community);
  }
}
