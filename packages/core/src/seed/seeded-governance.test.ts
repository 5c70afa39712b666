import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../log/memory-store.js';
import { seededGovernance } from './seeded-governance.js';

describe('seededGovernance', () => {
  it('holds the whole seed, names its ids, and moves the clock only after seeding', async () => {
    const { governance, clock, ids, store } = await seededGovernance({ now: '2026-12-21T02:00:00Z' });
    expect(ids).toMatchObject({ elevatorMotion: 'lift', liftFund: 'lift-fund', doormanFund: 'doorman' });
    expect(clock.now().toISOString()).toBe('2026-12-21T02:00:00.000Z');
    // Every event was written on seed day, whatever `now` says.
    expect(new Set((await store.read()).map((e) => e.at.slice(0, 10)))).toEqual(new Set(['2026-11-29']));
    expect(governance.fundView(ids.liftFund)?.totals.paid).toBe(6_564_835);
    expect(await governance.verify()).toMatchObject({ ok: true });
  });

  it('seeds the store it is given and refuses one that already holds a community', async () => {
    const store = new MemoryStore();
    const first = await seededGovernance({ store, actor: 'tester' });
    expect((await store.read()).every((e) => e.actor === 'tester')).toBe(true);
    const count = (await store.read()).length;
    first.governance.dispose();
    await expect(seededGovernance({ store })).rejects.toThrow(/^seed: community\.found refused: /);
    expect(await store.read()).toHaveLength(count);
  });
});
