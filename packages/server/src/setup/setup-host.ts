import type { LinliError, Result } from '@linli/core';
import type { HostedCommunity } from '../http/env.js';
import type { SetupToken } from './setup-token.js';

/**
 * What `/setup` needs from the server that hosts the communities: whether any exists, a way to found
 * one and host it at once (no restart), and the founded community's stores for its first organizer.
 * `linli-server`'s `CommunityHost` (communities opened lazily) provides all three.
 */
export interface SetupHost {
  /** Whether any community exists, hosted or only stored: one does, and setup is closed for good. */
  hasCommunity(): Promise<boolean>;
  /**
   * Founds community `id` named `name` (`community.found` in its empty log) and hosts it from now on.
   * Refuses with the typed error (and hosts nothing) when the command is refused, e.g. a bad name.
   */
  found(id: string, name: string): Promise<Result<unknown, LinliError>>;
  /** Runs `work` on the hosted community `id` (opened if need be); undefined if there is none. */
  withCommunity<T>(id: string, work: (community: HostedCommunity) => Promise<T>): Promise<T | undefined>;
}

/** The first-run setup of a server that hosts no community yet (`AppOptions.setup`). */
export interface SetupOptions {
  /** The one-time token of the printed setup link. */
  readonly token: SetupToken;
  /** Where the first community is founded and hosted. */
  readonly host: SetupHost;
  /** Setup attempts per client address per minute (default 10). */
  readonly attemptsPerMinute?: number;
}
