import { generateKeyPairSync } from 'node:crypto';
import {
  createGovernance,
  draftOf,
  EMPTY_HEAD,
  headOf,
  type LoggedEvent,
  MemoryStore,
  sealEvents,
} from '@linli/core';
import { seedScenario } from '@linli/core/seed';
import { describe, expect, it } from 'vitest';
import { signCheckpoint } from './checkpoint/signing-key.js';
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
    const result = await restoreLog(restored, fromFile, { trustedHead: headOf(backup.events) });
    expect(result).toEqual({
      ok: true,
      value: { events: backup.events.length, head: backup.events.at(-1)?.hash },
    });
    expect(await restored.read()).toEqual(backup.events);
    const replica = await createGovernance({ store: restored });
    expect(replica.tally('lift')).toEqual(governance.tally('lift'));

    // Into a store that already holds a log: refused, nothing written.
    expect(await restoreLog(restored, fromFile, { trustedHead: headOf(backup.events) })).toMatchObject({
      ok: false,
      error: { code: 'log.conflict' },
    });
    // An edited backup (one ballot changed): refused before anything is written.
    const edited = JSON.parse(JSON.stringify(backup)) as typeof backup;
    const ballot = edited.events.find((e) => e.type === 'ballot.cast');
    (ballot?.payload as { choice: unknown }).choice = { kind: 'proposal', vote: 'no' };
    const empty = new MemoryStore();
    expect(await restoreLog(empty, edited, { trustedHead: EMPTY_HEAD })).toMatchObject({
      ok: false,
      error: { code: 'log.corrupt', params: { reason: 'edited' } },
    });
    expect(await empty.read()).toEqual([]);
    for (const junk of [{ events: 'nope' }, [1, null, 'x'], [{ seq: 1 }]])
      expect(await restoreLog(empty, junk, { trustedHead: EMPTY_HEAD })).toMatchObject({
        ok: false,
        error: { code: 'log.corrupt' },
      });
    expect(await empty.read()).toEqual([]);
  });

  describe('against a trust anchor', async () => {
    const original = new MemoryStore();
    await seedScenario(await createGovernance({ store: original }));
    const log = await original.read();
    const head = headOf(log);
    // The forger's backup: one ballot changed, and every later event re-sealed so the chain holds.
    const at = log.findIndex((e) => e.type === 'ballot.cast');
    const changed = { ...draftOf(log[at] as LoggedEvent), payload: { forged: true } };
    const rehashed = [
      ...log.slice(0, at),
      ...sealEvents([changed, ...log.slice(at + 1).map(draftOf)], headOf(log.slice(0, at))),
    ];
    const key = (() => {
      const { privateKey } = generateKeyPairSync('ed25519');
      const x = privateKey.export({ format: 'jwk' }).x ?? '';
      return { privateKey, publicKey: Buffer.from(x, 'base64url').toString('hex') };
    })();
    const checkpoint = signCheckpoint(key, 'xfkl', head);

    it('refuses a backup edited and re-hashed, or cut short, and writes nothing', async () => {
      expect(rehashed).toHaveLength(log.length);
      for (const anchor of [{ trustedHead: head }, { publicKey: key.publicKey, checkpoint }]) {
        const store = new MemoryStore();
        expect(await restoreLog(store, { events: rehashed }, anchor)).toEqual({
          ok: false,
          error: expect.objectContaining({
            code: 'log.corrupt',
            params: { seq: head.seq, reason: 'head-mismatch' },
          }),
        });
        expect(await restoreLog(store, { events: log.slice(0, -3) }, anchor)).toMatchObject({
          ok: false,
          error: { code: 'log.corrupt', params: { seq: head.seq - 2, reason: 'head-mismatch' } },
        });
        expect(await store.read()).toEqual([]);
        expect(await restoreLog(store, { events: log }, anchor)).toMatchObject({ ok: true });
      }
    });

    it('refuses a checkpoint signed by another key, or edited', async () => {
      const other = { ...key, publicKey: 'ab'.repeat(32) };
      for (const anchor of [
        { publicKey: other.publicKey, checkpoint },
        { publicKey: key.publicKey, checkpoint: { ...checkpoint, seq: checkpoint.seq - 1 } },
      ])
        expect(await restoreLog(new MemoryStore(), { events: log }, anchor)).toMatchObject({
          ok: false,
          error: { code: 'log.corrupt', params: { reason: 'bad-checkpoint' } },
        });
    });
  });

  it('restores a backup of 200,000 events into a MemoryStore', async () => {
    const drafts = Array.from({ length: 200_000 }, (_, n) => ({
      at: '2026-11-30T00:00:00.000Z',
      actor: 'a',
      type: 'x',
      payload: { n },
    }));
    const events = sealEvents(drafts, EMPTY_HEAD);
    const store = new MemoryStore();
    expect(await restoreLog(store, { events }, { trustedHead: headOf(events) })).toMatchObject({
      ok: true,
      value: { events: 200_000, head: headOf(events).hash },
    });
  }, 120_000);
});
