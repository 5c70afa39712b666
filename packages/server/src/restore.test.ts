import { createGovernance, MemoryStore } from '@linli/core';
import { seedScenario } from '@linli/core/seed';
import { describe, expect, it } from 'vitest';
import { restoreLog } from './restore.js';

describe('restoreLog', () => {
  it('rebuilds a backed-up log with the very same hashes, and refuses an edited one or a full store', async () => {
    const original = new MemoryStore();
    const governance = await createGovernance({ store: original });
    await seedScenario(governance);
    const backup = { events: await original.read() };
    // A round trip through JSON, as a backup file would take.
    const fromFile: unknown = JSON.parse(JSON.stringify(backup));

    const restored = new MemoryStore();
    const result = await restoreLog(restored, fromFile);
    expect(result).toEqual({
      ok: true,
      value: { events: backup.events.length, head: backup.events.at(-1)?.hash },
    });
    expect(await restored.read()).toEqual(backup.events);
    const replica = await createGovernance({ store: restored });
    expect(replica.tally('lift')).toEqual(governance.tally('lift'));

    // Into a store that already holds a log: refused, nothing written.
    expect(await restoreLog(restored, fromFile)).toMatchObject({
      ok: false,
      error: { code: 'log.conflict' },
    });
    // An edited backup (one ballot changed): refused before anything is written.
    const edited = JSON.parse(JSON.stringify(backup)) as typeof backup;
    const ballot = edited.events.find((e) => e.type === 'ballot.cast');
    (ballot?.payload as { choice: unknown }).choice = { kind: 'proposal', vote: 'no' };
    const empty = new MemoryStore();
    expect(await restoreLog(empty, edited)).toMatchObject({
      ok: false,
      error: { code: 'log.corrupt', params: { reason: 'edited' } },
    });
    expect(await empty.read()).toEqual([]);
    for (const junk of [{ events: 'nope' }, [1, null, 'x'], [{ seq: 1 }]])
      expect(await restoreLog(empty, junk)).toMatchObject({ ok: false, error: { code: 'log.corrupt' } });
    expect(await empty.read()).toEqual([]);
  });
});
