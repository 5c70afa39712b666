import { describe, expect, it } from 'vitest';
import { testCommandSettings } from '../../test/command-settings.js';
import { linliError } from '../errors/linli-error.js';
import { err } from '../errors/result.js';
import { MemoryStore } from '../log/memory-store.js';
import type { EventStore } from '../log/store.js';
import { createCommandRunner } from './command-runner.js';
import { type AppendGroups, type AppendPlanned, runGroup } from './group-commit.js';
import { createLiveState } from './live-state.js';

async function groupOver(store: MemoryStore) {
  const live = await createLiveState({ store }, true);
  const runner = createCommandRunner(live, testCommandSettings(2));
  await runner.run({ type: 'community.found', name: '新福康里' }, {});
  return { live, runner };
}

const add = (name: string, requestKey?: string) => ({
  command: { type: 'building.add', name },
  options: requestKey ? { requestKey } : {},
});
const codes = (answers: readonly { ok: boolean; error?: { code: string } }[]) =>
  answers.map((a) => (a.ok ? 'ok' : a.error?.code));

describe('runGroup', () => {
  it('decides each command on what the ones before left, in one append, answering each', async () => {
    const store = new MemoryStore();
    const { live, runner } = await groupOver(store);
    let appends = 0;
    const appendGroups: AppendGroups = (groups, options) => {
      appends += 1;
      return store.appendGroups(groups, options);
    };
    const version = live.version.value;
    // The stairwell needs the building the first command adds, still tentative; the second founding is
    // refused on the state the group has built so far.
    const batch = [
      { command: { type: 'building.add', name: '96号楼', id: 'b96' }, options: {} },
      { command: { type: 'stairwell.add', buildingId: 'b96', name: '1单元', id: 's1' }, options: {} },
      { command: { type: 'community.found', name: '又一个' }, options: {} },
      { command: {}, options: {} },
    ];
    const answers = await runGroup(live, runner, batch, { appendGroups });
    expect(appends).toBe(1);
    expect(codes(answers)).toEqual(['ok', 'ok', 'community.already_founded', 'validation.invalid']);
    expect(live.version.value).toBe(version + 1);
    expect(await store.read()).toHaveLength(3);
  });

  it('makes a repeated request key within the group one request', async () => {
    const store = new MemoryStore();
    const { live, runner } = await groupOver(store);
    const answers = await runGroup(live, runner, [add('96号楼', 'k'), add('96号楼', 'k')], {
      appendGroups: (g, o) => store.appendGroups(g, o),
    });
    expect(answers[0]).toEqual(answers[1]);
    expect(await store.read()).toHaveLength(2);
  });

  it('after a failed group write, forgets the tentative state and runs each command alone', async () => {
    const store = new MemoryStore();
    const { live, runner } = await groupOver(store);
    const failing: AppendGroups = async () => err(linliError('log.unavailable', [], { reason: 'disk full' }));
    const answers = await runGroup(live, runner, [add('96号楼'), add('97号楼')], { appendGroups: failing });
    expect(codes(answers)).toEqual(['ok', 'ok']);
    expect((await store.read()).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(live.state.head.seq).toBe(3);
  });

  it('fails a group whose plan a store calls twice (its events are folded in) and runs each command alone', async () => {
    const store = new MemoryStore();
    const { live, runner } = await groupOver(store);
    // A store that retries its transaction calls the plan again; the first call's groups are dropped.
    const retrying: AppendPlanned = (plan, options) =>
      store.appendPlanned((caughtUp) => {
        plan(caughtUp);
        return plan(caughtUp);
      }, options);
    const answers = await runGroup(live, runner, [add('96号楼'), add('97号楼')], { appendPlanned: retrying });
    expect(codes(answers)).toEqual(['ok', 'ok']);
    expect((await store.read()).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(live.state.head.seq).toBe(3);
  });

  it('answers log.unavailable when the store can neither take the group nor be read to rebuild', async () => {
    const store = new MemoryStore();
    const { live, runner } = await groupOver(store);
    const throwing: EventStore['read'] = async () => {
      throw new Error('closed');
    };
    const failing: AppendGroups = async () => {
      store.read = throwing;
      throw new Error('closed');
    };
    const answers = await runGroup(live, runner, [add('96号楼'), { command: {}, options: {} }], {
      appendGroups: failing,
    });
    expect(codes(answers)).toEqual(['log.unavailable', 'validation.invalid']);
    expect(live.stale).toBe(true);
  });
});
