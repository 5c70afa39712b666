import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGovernance, EMPTY_HEAD, headOf, type LoggedEvent, MemoryStore, sealEvents } from '@linli/core';
import { afterAll, describe, expect, it } from 'vitest';
import { checkedStart } from './checked-start.js';
import { loadSigningKey, signCheckpoint } from './signing-key.js';

const dir = mkdtempSync(join(tmpdir(), 'linli-checked-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const draft = { at: '2026-11-30T00:00:00.000Z', actor: 'a', type: 'x', payload: {} };

const folder = (name: string) => ({
  community: 'xfkl',
  keyFile: join(dir, `${name}-key.pem`),
  checkpointFile: join(dir, `${name}-checkpoint.json`),
});

describe('checkedStart', () => {
  it('hands over the log it verified, so the governance is built without reading it again', async () => {
    const store = new MemoryStore();
    await store.append([draft, draft, draft], { expectedSeq: 0 });
    const checked = await checkedStart({ store, ...folder('handover') });
    if (!checked.ok) throw new Error('a fresh log was refused');
    expect(checked.value.log).toEqual(await store.read());
    let reads = 0;
    const read = store.read.bind(store);
    store.read = (options) => {
      reads += 1;
      return read(options);
    };
    const governance = await createGovernance({ store, log: checked.value.log, verifyOnLoad: false });
    expect(reads).toBe(0);
    expect(governance.head.value).toEqual(headOf(checked.value.log));
    governance.dispose();
    // The checkpoint is written in the background: let it land before the folder is removed.
    await checked.value.checkpointer.flush();
  });

  it('takes a key already loaded, so a server opening many communities reads its key file once', async () => {
    const store = new MemoryStore();
    await store.append([draft], { expectedSeq: 0 });
    const paths = folder('loaded');
    const key = loadSigningKey(join(dir, 'shared-key.pem'));
    const checked = await checkedStart({ store, ...paths, key });
    expect(checked.ok && checked.value.publicKey).toBe(key.publicKey);
    expect(existsSync(paths.keyFile)).toBe(false);
    if (checked.ok) await checked.value.checkpointer.flush();
  });

  it('still checks every event: one edited deep in a long log is refused by its seq', async () => {
    const log = sealEvents(
      Array.from({ length: 5000 }, (_, i) => ({ ...draft, payload: { i } })),
      EMPTY_HEAD,
    );
    const deep = log[3999] as LoggedEvent;
    log[3999] = { ...deep, payload: { i: -1 } };
    expect(await checkedStart({ store: new MemoryStore(log), ...folder('deep') })).toMatchObject({
      ok: false,
      error: { error: { code: 'log.corrupt', params: { seq: 4000, reason: 'edited' } } },
    });
  });

  it('signs the head of a log that has no checkpoint yet, and checks it from then on', async () => {
    const store = new MemoryStore();
    await store.append([draft, draft], { expectedSeq: 0 });
    const first = await checkedStart({ store, ...folder('fresh') });
    expect(first.ok && first.value.firstCheckpoint).toBe(true);
    expect(first.ok && first.value.checkpointer.latest).toMatchObject(headOf(await store.read()));
    if (first.ok) await first.value.checkpointer.flush();
    const again = await checkedStart({ store, ...folder('fresh') });
    expect(again.ok && again.value.firstCheckpoint).toBe(false);
  });

  it('refuses a checkpoint file it did not sign, a malformed trusted head, and an unusable key', async () => {
    const store = new MemoryStore();
    await store.append([draft], { expectedSeq: 0 });
    const paths = folder('forged');
    const forger = loadSigningKey(join(dir, 'forger.pem'));
    writeFileSync(
      paths.checkpointFile,
      JSON.stringify(signCheckpoint(forger, 'xfkl', headOf(await store.read()))),
    );
    expect(await checkedStart({ store, ...paths })).toMatchObject({
      ok: false,
      error: { error: expect.stringContaining('not a checkpoint this server signed') },
    });
    writeFileSync(paths.checkpointFile, '{ garbled');
    expect((await checkedStart({ store, ...paths })).ok).toBe(false);
    expect(await checkedStart({ store, ...folder('bad-head'), trustedHead: '3:xyz' })).toMatchObject({
      ok: false,
      error: { doing: 'read LINLI_TRUSTED_HEAD' },
    });
    expect(
      await checkedStart({ store, ...folder('no-backup'), restoreFrom: join(dir, 'absent.json') }),
    ).toMatchObject({
      ok: false,
      error: { doing: expect.stringContaining('restore'), error: expect.stringContaining('ENOENT') },
    });
    expect(await checkedStart({ store, ...folder('bad-key'), signingKey: 'bm90IGEga2V5' })).toMatchObject({
      ok: false,
      error: { doing: 'load the signing key' },
    });
  });
});
