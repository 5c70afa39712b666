/**
 * @linli/server — durable event stores for @linli/core: SQLite (the embedded default) and, for
 * deployments beyond one machine, PostgreSQL. Both implement the core's `EventStore` unchanged.
 * `createApp` serves communities over HTTP with household invite codes, organizer tokens and live
 * SSE updates.
 *
 * @packageDocumentation
 */

export {
  type AppEnv,
  type AppLimits,
  type AppOptions,
  createApp,
  type HostedCommunity,
  type RequestLogLine,
  type SetupHost,
  type SetupOptions,
} from './app.js';
export {
  type AuthStore,
  type CodeKind,
  type Device,
  PAIRING_CODE_TTL_MS,
  type PairingCode,
  type Principal,
  type Session,
  type SignOutOutcome,
} from './auth/auth-store.js';
export {
  type IssuedOrganizer,
  isOrganizerRole,
  ORGANIZER_ROLES,
  type Organizer,
  type OrganizerRole,
} from './auth/organizers.js';
export { PostgresAuthStore } from './auth/postgres-auth-store.js';
export { AUTH_SCHEMA_VERSION, NewerAuthSchemaError } from './auth/schema.js';
export type { AuthStoreOptions, DeriveKey } from './auth/secrets.js';
export type { SessionCache } from './auth/session-cache.js';
export { SqliteAuthStore } from './auth/sqlite-auth-store.js';
export { allowed } from './authorize.js';
export { DEFAULT_ATTACHMENT_BYTES } from './blobs/attachment-limit.js';
export type { BlobInfo, BlobStore, StoredBlob } from './blobs/blob-store.js';
export { PostgresBlobStore } from './blobs/postgres-blob-store.js';
export { SqliteBlobStore } from './blobs/sqlite-blob-store.js';
export { FeedTokens } from './feeds/feed-tokens.js';
export {
  type CommunityLease,
  type CommunitySource,
  hostOf,
  type ListedCommunity,
} from './hosting/community-source.js';
export { type PostgresQueryable, PostgresRateLimits } from './http/postgres-rate-limits.js';
export { PrecompressedBody } from './http/precompressed.js';
export { memoryRateLimits, type RateLimiter, type RateLimits } from './http/rate-limit.js';
export { restoreLog } from './restore.js';
export { SetupToken } from './setup/setup-token.js';
export { SHELL_CSP, shellPaths } from './shell/shell-pages.js';
export type { BackoffSettings } from './stores/backoff.js';
export {
  DEFAULT_POOL_SIZE,
  EVENTS_CHANNEL,
  type NotificationTarget,
  PostgresDatabase,
  type PostgresDatabaseOptions,
} from './stores/postgres-database.js';
export { PostgresStore, type PostgresStoreOptions } from './stores/postgres-store.js';
export { SqliteStore } from './stores/sqlite-store.js';
