import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGovernance, fixedClock, sequentialIds, verify } from '@linli/core';
import { executeAll, openMotionCommands, stairwellCommands } from '@linli/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'linli-sqlite-concurrency-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const clock = fixedClock('2026-11-29T02:00:00Z');
const room = (i: number) => `${Math.floor(i / 2) + 1}0${(i % 2) + 1}`;

describe('three governances with group commit over one SQLite log', () => {
  it('take concurrent valid ballots: none refused, each ends on the log, which verifies', async () => {
    const file = join(dir, 'log.sqlite');
    const households = 120;
    const setupStore = SqliteStore.open(file, 'xfkl');
    const setup = await createGovernance({ store: setupStore, clock, ids: sequentialIds('setup-') });
    await executeAll(setup, [
      ...stairwellCommands({ households }),
      ...openMotionCommands({ id: 'm', title: '加装电梯', kind: 'proposal' }),
    ]);
    setup.dispose();
    // Three store objects: none hears the others' appends, as with three processes on one file.
    const stores = [0, 1, 2].map(() => SqliteStore.open(file, 'xfkl'));
    const governances = await Promise.all(
      stores.map((store) => createGovernance({ store, clock, groupCommit: true, verifyOnLoad: false })),
    );
    const answers = await Promise.all(
      Array.from({ length: households }, (_, i) =>
        governances[i % 3]?.execute({
          type: 'ballot.cast',
          motionId: 'm',
          voterId: `o${room(i)}`,
          vote: 'yes',
        }),
      ),
    );
    expect(answers.filter((a) => !a?.ok)).toEqual([]);
    const log = await setupStore.read();
    expect(verify(log)).toMatchObject({ ok: true, count: log.length });
    expect(log.filter((e) => e.type === 'ballot.cast')).toHaveLength(households);
    // A governance loaded afresh replays the whole log.
    const fresh = await createGovernance({ store: setupStore });
    const truth = fresh.snapshot();
    fresh.dispose();
    for (const g of governances) {
      await g.refresh();
      expect(g.snapshot()).toEqual(truth);
      g.dispose();
    }
    for (const store of [setupStore, ...stores]) store.close();
  });
});
