import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStore, verifyCheckpoint } from '@linli/core';
import { afterAll, describe, expect, it } from 'vitest';
import { Checkpointer, readCheckpointFile } from './checkpointer.js';
import { loadSigningKey } from './signing-key.js';

const dir = mkdtempSync(join(tmpdir(), 'linli-checkpointer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const draft = { at: '2026-11-30T00:00:00.000Z', actor: 'a', type: 'x', payload: {} };

describe('Checkpointer', () => {
  it('signs every new head at once and saves the newest one, whatever the writes in between', async () => {
    const key = loadSigningKey(join(dir, 'key.pem'));
    const file = join(dir, 'checkpoint.json');
    const store = new MemoryStore();
    const checkpointer = new Checkpointer(key, 'xfkl', file);
    checkpointer.follow(store);
    for (let seq = 0; seq < 50; seq++) {
      await store.append([draft], { expectedSeq: seq });
      expect(checkpointer.latest?.seq).toBe(seq + 1); // synchronous: the view is never behind
    }
    await checkpointer.flush();
    const saved = readCheckpointFile(file);
    expect(saved).toEqual(checkpointer.latest);
    expect(saved).toMatchObject({ seq: 50, hash: (await store.read()).at(-1)?.hash });
    expect(await verifyCheckpoint(saved, { publicKey: key.publicKey, community: 'xfkl' })).toBe(true);
    // Never backwards: an older head is not signed over a newer one.
    checkpointer.advance({ seq: 3, hash: 'ab'.repeat(32) });
    expect(checkpointer.latest?.seq).toBe(50);
  });

  it("several processes saving one community's file (one data folder) never trip over each other", async () => {
    const key = loadSigningKey(join(dir, 'key.pem'));
    const file = join(dir, 'shared.json');
    const store = new MemoryStore();
    // Each stands for a server process of its own, all following the same log.
    const checkpointers = [0, 1, 2].map(() => new Checkpointer(key, 'xfkl', file));
    for (const checkpointer of checkpointers) checkpointer.follow(store);
    for (let seq = 0; seq < 50; seq++) await store.append([draft], { expectedSeq: seq });
    await Promise.all(checkpointers.map((c) => c.flush()));
    expect(readCheckpointFile(file)).toMatchObject({ seq: 50, hash: (await store.read()).at(-1)?.hash });
  });

  it('reads a missing file as none, and a garbled one as no checkpoint at all', () => {
    expect(readCheckpointFile(join(dir, 'absent.json'))).toBeUndefined();
    const garbled = join(dir, 'garbled.json');
    writeFileSync(garbled, '{ not json');
    expect(readCheckpointFile(garbled)).toBeNull();
  });
});
