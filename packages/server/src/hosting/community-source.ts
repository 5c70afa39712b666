import type { HostedCommunity } from '../http/env.js';

/** A community handed to one request or job; it stays open until released (once). */
export interface CommunityLease {
  /** The community, open for as long as the lease is held. */
  readonly community: HostedCommunity;
  /** Ends the hold; the community may then be evicted once idle. Safe to call twice. */
  readonly release: () => void;
}

/** A community as the public landing page lists it: no counts, nothing private. */
export interface ListedCommunity {
  /** Its id, as in `/c/:id/`. */
  readonly id: string;
  /** The name it was founded with. */
  readonly name: string;
}

/**
 * Where `createApp` finds the communities it serves: `linli-server`'s `CommunityHost` (opened lazily,
 * evicted when idle) or, through {@link hostOf}, a fixed map of open ones.
 */
export interface CommunitySource {
  /** Holds the community, opening it first if needed; undefined if it is not hosted here. */
  acquire(id: string): Promise<CommunityLease | undefined>;
  /** Its embedding origins, whether it is open or not; undefined if it is not hosted here. */
  originsOf(id: string): Promise<readonly string[] | undefined>;
  /** The hosted communities for `GET /communities`, by id. */
  listed(): Promise<readonly ListedCommunity[]>;
  /** Whether what the communities are served from answers now (for `/readyz`). */
  ready(): Promise<boolean>;
}

/**
 * Whether the store answers a read past the loaded head: it is reachable and the log is loaded (and,
 * on PostgreSQL, this process is not cut off from the database's notifications).
 */
async function readable(community: HostedCommunity): Promise<boolean> {
  if (community.stale?.() === true) return false;
  return community.store
    .read({ afterSeq: community.governance.head.value.seq })
    .then(() => true)
    .catch(() => false);
}

/**
 * A fixed map of communities, already open, as a {@link CommunitySource}: nothing is opened or
 * evicted, and it is ready when every community's store answers (tests, embedding the app).
 */
export function hostOf(communities: ReadonlyMap<string, HostedCommunity>): CommunitySource {
  return {
    acquire: async (id) => {
      const community = communities.get(id);
      return community && { community, release: () => {} };
    },
    originsOf: async (id) => communities.get(id)?.origins,
    listed: async () =>
      [...communities.values()]
        .map((c) => ({ id: c.id, name: c.governance.community.value.community?.name ?? c.id }))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    ready: async () => (await Promise.all([...communities.values()].map(readable))).every(Boolean),
  };
}

/** A map of open communities or a source, as a source. */
export function sourceOf(
  communities: ReadonlyMap<string, HostedCommunity> | CommunitySource,
): CommunitySource {
  return 'acquire' in communities ? communities : hostOf(communities);
}
