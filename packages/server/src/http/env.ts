import type { EventStore, Governance, SignedCheckpoint } from '@linli/core';
import type { AuthStore, Principal } from '../auth/auth-store.js';
import type { BlobStore } from '../blobs/blob-store.js';

/** One community the server hosts. */
export interface HostedCommunity {
  readonly id: string;
  readonly store: EventStore;
  readonly governance: Governance;
  readonly auth: AuthStore;
  /**
   * Its attachments' bytes, by SHA-256. Without one the community keeps no attachments: uploads are
   * refused and so is every command naming one.
   */
  readonly blobs?: BlobStore;
  /** Origins allowed to embed this community's widgets (CORS). */
  readonly origins: readonly string[];
  /** The newest head the server signed, published with the view and the organizer's reads. */
  readonly checkpoint?: () => SignedCheckpoint | undefined;
  /**
   * Whether the log's database is unreachable now (PostgreSQL), so that what this process serves may
   * be behind: reads are then marked stale, and commands answer `log.unavailable`.
   */
  readonly stale?: () => boolean;
}

/** What the community middleware hands every `/c/:community/*` route. */
export type AppEnv = { Variables: { community: HostedCommunity } };

/** What a route behind `requires(…)` also has: who is asking, and the token they asked with. */
export type SignedInEnv = {
  Variables: AppEnv['Variables'] & { principal: Principal; token: string };
};

/** What a route behind `identifies` has: who is asking, or `null` for anyone without a valid token. */
export type IdentifiedEnv = {
  Variables: AppEnv['Variables'] & { principal: Principal | null };
};
