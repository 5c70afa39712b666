import { createGovernance, MemoryStore } from '@linli/core';
import { seedScenario } from '@linli/core/seed';
import { SqliteAuthStore } from '../auth/sqlite-auth-store.js';
import { SqliteBlobStore } from '../blobs/sqlite-blob-store.js';
import type { HostedCommunity } from '../http/env.js';

/** A seeded community on an in-memory log and sign-in database, with an organizer token and one household's. */
export interface TestCommunity {
  readonly community: HostedCommunity;
  /** The organizer's bearer token. */
  readonly organizer: string;
  /** A session token of household `u102`. */
  readonly household: string;
  readonly close: () => Promise<void>;
}

/** Hosts the seeded 新福康里 community as `xfkl`, for tests of routes and middleware. */
export async function testCommunity(origins: readonly string[] = []): Promise<TestCommunity> {
  const store = new MemoryStore();
  const governance = await createGovernance({ store, actor: 'residents-committee' });
  await seedScenario(governance);
  const auth = SqliteAuthStore.open(':memory:', 'xfkl');
  const blobs = SqliteBlobStore.open(':memory:', 'xfkl');
  const organizer = await auth.issueOrganizerToken();
  const session = await auth.redeem(await auth.issueInviteCode('u102'));
  if (!session) throw new Error('a fresh invite code was not redeemed');
  return {
    community: { id: 'xfkl', store, governance, auth, blobs, origins },
    organizer,
    household: session.token,
    close: async () => {
      governance.dispose();
      await auth.close();
      await blobs.close();
    },
  };
}
