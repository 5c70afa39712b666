import { createGovernance, type DueWork, fixedClock, MemoryStore } from '@linli/core';
import { executeAll, openMotionCommands, stairwellCommands } from '@linli/core/testing';
import { describe, expect, it } from 'vitest';
import type { DueWorkTable } from './due-work-table.js';
import { recordDueWork, watchDueWork } from './record-due-work.js';

/** A table that only remembers what it was asked to record. */
function recordingTable(): DueWorkTable & { recorded: DueWork[] } {
  const recorded: DueWork[] = [];
  const unused = () => Promise.reject(new Error('not used here'));
  return {
    recorded,
    record: async (_community, work) => {
      recorded.push(work);
    },
    claim: unused,
    complete: unused,
    fail: unused,
    forget: unused,
    rows: unused,
    close: async () => undefined,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('watchDueWork', () => {
  it('records again when a change changes what is due, and writes nothing for one that does not (a ballot)', async () => {
    const clock = fixedClock('2026-11-29T02:00:00Z');
    const governance = await createGovernance({
      store: new MemoryStore(),
      clock,
      actor: 'residents-committee',
    });
    await executeAll(governance, stairwellCommands({ households: 2, residents: true }));
    const table = recordingTable();
    await recordDueWork(table, 'a', governance, clock);
    const stop = watchDueWork(table, 'a', governance, clock, (e) => {
      throw e;
    });
    try {
      await executeAll(governance, openMotionCommands({ id: 'm1', title: '装门禁', kind: 'proposal' }));
      await settle();
      expect(table.recorded.map((w) => w.next)).toEqual([undefined, '2026-12-20T10:00:00.000Z']);
      await executeAll(governance, [{ type: 'ballot.cast', motionId: 'm1', voterId: 'o101', vote: 'yes' }]);
      await settle();
      expect(table.recorded.length).toBe(2);
    } finally {
      await stop();
    }
  });
});
