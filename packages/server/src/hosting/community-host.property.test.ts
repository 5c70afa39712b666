import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGovernance } from '@linli/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_IDLE_MS, type TestHost, testHost } from '../testing/hosted-folder.js';

const root = mkdtempSync(join(tmpdir(), 'linli-hosting-prop-'));
let n = 0;
afterAll(() => rmSync(root, { recursive: true, force: true }));

const IDS = ['a', 'b'] as const;

/** One step of a run: a command in a community, time passing, an eviction sweep, or both at once. */
type Step =
  | { readonly kind: 'touch'; readonly community: 0 | 1 }
  | { readonly kind: 'idle' }
  | { readonly kind: 'sweep' }
  | { readonly kind: 'touch-while-sweeping'; readonly community: 0 | 1 };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('touch' as const), community: fc.constantFrom(0 as const, 1 as const) }),
  fc.constant({ kind: 'idle' as const }),
  fc.constant({ kind: 'sweep' as const }),
  fc.record({
    kind: fc.constant('touch-while-sweeping' as const),
    community: fc.constantFrom(0 as const, 1 as const),
  }),
);

async function touch(t: TestHost, id: string, name: string): Promise<void> {
  const done = await t.host.withCommunity(id, (c) => c.governance.execute({ type: 'building.add', name }));
  if (!done?.ok) throw new Error(`building.add failed in ${id}`);
}

async function run(t: TestHost, steps: readonly Step[], touched: Map<string, string[]>): Promise<void> {
  let k = 0;
  for (const s of steps) {
    if (s.kind === 'idle') t.advance(TEST_IDLE_MS);
    else if (s.kind === 'sweep') await t.host.evictIdle();
    else {
      const id = IDS[s.community];
      const name = `楼${k++}`;
      touched.get(id)?.push(name);
      if (s.kind === 'touch') await touch(t, id, name);
      else await Promise.all([t.host.evictIdle(), touch(t, id, name)]);
    }
  }
}

describe('CommunityHost, under any interleaving of touches, idleness and evictions', () => {
  it("leaves each community's state equal to a fresh load of its log, with every command kept", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 10 }), async (steps) => {
        const t = await testHost(IDS, { dir: join(root, `p${n++}`) });
        const touched = new Map<string, string[]>(IDS.map((id) => [id, []]));
        try {
          await run(t, steps, touched);
          for (const id of IDS) {
            const served = await t.host.withCommunity(id, async (c) => c.governance.snapshot());
            const store = await t.data.eventStore(id);
            const fresh = await createGovernance({ store, actor: 'organizer' });
            expect(served).toEqual(fresh.snapshot());
            expect(fresh.community.value.buildings.map((b) => b.name)).toEqual(touched.get(id));
            fresh.dispose();
            await store.close();
          }
        } finally {
          await t.host.close();
        }
      }),
      { numRuns: 12 },
    );
  });
});
