import v8 from 'node:v8';
import vm from 'node:vm';
import { createGovernance, MemoryStore } from '@linli/core';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { SqliteAuthStore } from '../auth/sqlite-auth-store.js';
import type { HostedCommunity } from '../http/env.js';

// Whether a value was let go is seen after full collections; the test runner does not expose gc.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

async function community(id: string): Promise<HostedCommunity> {
  const store = new MemoryStore();
  const governance = await createGovernance({ store, actor: 'organizer' });
  await governance.execute({ type: 'community.found', name: `社区${id}` });
  return { id, store, governance, auth: SqliteAuthStore.open(':memory:', id), origins: [] };
}

describe('GET /c/:id/view', () => {
  it("lets go of an evicted community's cached view: the community's governance holds it, not its id", async () => {
    const communities = new Map<string, HostedCommunity>();
    const app = createApp(communities);
    let hosted: HostedCommunity | undefined = await community('a');
    communities.set('a', hosted);
    expect((await app.request('/c/a/view')).status).toBe(200);
    // The cached view keeps the head it was built at; once the community is gone, so must that be.
    const held = new WeakRef(hosted.governance.head.value);
    // Evicted: the host forgets it and disposes it; nothing else refers to it.
    communities.delete('a');
    hosted.governance.dispose();
    await hosted.auth.close();
    hosted = undefined;
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (let i = 0; i < 3; i++) gc();
    expect(held.deref()).toBeUndefined();
  });
});
