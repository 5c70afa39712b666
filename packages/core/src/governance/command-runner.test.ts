import { describe, expect, it } from 'vitest';
import { testCommandSettings } from '../../test/command-settings.js';
import { linliError } from '../errors/linli-error.js';
import { err } from '../errors/result.js';
import { MemoryStore } from '../log/memory-store.js';
import type { EventStore } from '../log/store.js';
import { createCommandRunner } from './command-runner.js';
import { createLiveState } from './live-state.js';

async function runnerOver(store: EventStore, maxRetries = 2) {
  const live = await createLiveState({ store }, true);
  const runner = createCommandRunner(live, testCommandSettings(maxRetries, 'organizer'));
  return { live, runner };
}

const found = { type: 'community.found', name: '新福康里' };

describe('createCommandRunner', () => {
  it('decides, appends and folds a command, recording the default actor', async () => {
    const store = new MemoryStore();
    const { live, runner } = await runnerOver(store);
    const answer = await runner.run(found, {});
    expect(answer).toMatchObject({
      ok: true,
      value: [{ seq: 1, actor: 'organizer', type: 'community.founded' }],
    });
    expect(live.state.head.seq).toBe(1);
    expect(runner.actorOf({ actor: 'official-9' })).toBe('official-9');
  });

  it('rejects bad input with the typed error and appends nothing', async () => {
    const store = new MemoryStore();
    const { runner } = await runnerOver(store);
    const answer = await runner.run({ type: 'community.found' }, {});
    expect(answer.ok).toBe(false);
    expect(await store.read()).toEqual([]);
  });

  it('re-decides after losing a race, and gives up with log.conflict after maxRetries', async () => {
    const inner = new MemoryStore();
    let conflicts = 0;
    const racing: EventStore = {
      append: async (drafts, options) => {
        if (conflicts-- > 0) return err(linliError('log.conflict', [], { expectedSeq: options.expectedSeq }));
        return inner.append(drafts, options);
      },
      read: (options) => inner.read(options),
      subscribe: (listener) => inner.subscribe(listener),
    };
    const { runner } = await runnerOver(racing, 2);
    conflicts = 2;
    expect((await runner.run(found, {})).ok).toBe(true);
    conflicts = 3;
    const lost = await runner.run({ type: 'building.add', name: '96号楼' }, {});
    expect(lost.ok ? 'ok' : lost.error.code).toBe('log.conflict');
  });

  it('answers a store that throws with log.unavailable instead of throwing', async () => {
    const store = new MemoryStore();
    const { runner } = await runnerOver(store);
    // Both ways a store appends fail alike.
    store.append = async () => {
      throw new Error('disk full');
    };
    store.appendPlanned = async () => {
      throw new Error('disk full');
    };
    const answer = await runner.run(found, {});
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'log.unavailable', params: { reason: 'disk full' } },
    });
  });

  it('returns a repeated request key its original events without deciding again', async () => {
    const store = new MemoryStore();
    const { runner } = await runnerOver(store);
    const first = await runner.run(found, { requestKey: 'k1' });
    const again = await runner.run(found, { requestKey: 'k1' });
    expect(again).toEqual(first);
    expect(await store.read()).toHaveLength(1);
  });
});
