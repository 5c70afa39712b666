import { describe, expect, it } from 'vitest';
import { testSigner } from '../../test/checkpoint-signer.js';
import type { SignedCheckpoint } from '../log/checkpoint.js';
import { draftOf, EMPTY_HEAD, headOf, type LoggedEvent, sealEvents } from '../log/event.js';
import { HttpStore } from './http-store.js';

const server = testSigner();
const log = sealEvents(
  Array.from({ length: 10 }, (_, i) => ({
    at: '2026-11-30T00:00:00.000Z',
    actor: 'a',
    type: 'x',
    payload: { i },
  })),
  EMPTY_HEAD,
);

/** A follower of a server that answers `events` and `checkpoint` to every read. */
const follower = (events: readonly LoggedEvent[], checkpoint: unknown, options: object = {}) =>
  new HttpStore('https://linli.example/c/xfkl', {
    token: 't',
    fetch: async (input) => {
      const after = Number(new URL(String(input)).searchParams.get('after'));
      const body = { events: events.filter((e) => e.seq > after), checkpoint };
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    },
    ...options,
  });

const refusal = async (store: HttpStore, afterSeq = 0) => {
  const error = await store.read({ afterSeq }).then(
    () => undefined,
    (e: { error?: unknown }) => e.error,
  );
  return error;
};

describe('HttpStore follows signed checkpoints', () => {
  it('keeps the newest checkpoint it checked, for the next session', async () => {
    const store = follower(log, server.sign(headOf(log)), { publicKey: server.publicKey });
    expect(await store.read()).toEqual(log);
    expect(store.checkpoint).toMatchObject(headOf(log));
  });

  it('refuses a log rewritten and re-hashed behind the checkpoint, naming its seq', async () => {
    const rehashed = [
      ...log.slice(0, 3),
      ...sealEvents(
        [{ ...draftOf(log[3] as LoggedEvent), payload: {} }, ...log.slice(4).map(draftOf)],
        headOf(log.slice(0, 3)),
      ),
    ];
    const store = follower(rehashed, server.sign(headOf(log)), { publicKey: server.publicKey });
    expect(await refusal(store)).toMatchObject({
      code: 'log.corrupt',
      params: { seq: 10, reason: 'head-mismatch' },
    });
  });

  it('refuses a checkpoint by another key, a missing one, and a roll-back behind the one it kept', async () => {
    const forger = testSigner();
    expect(
      await refusal(follower(log, forger.sign(headOf(log)), { publicKey: server.publicKey })),
    ).toMatchObject({
      params: { reason: 'bad-checkpoint' },
    });
    expect(await refusal(follower(log, undefined, { publicKey: server.publicKey }))).toMatchObject({
      params: { reason: 'unsigned' },
    });
    // Trust on first use: the first checkpoint's key is the one later checkpoints must carry.
    const tofu = follower(log, server.sign(headOf(log)));
    await tofu.read();
    const kept = tofu.checkpoint as SignedCheckpoint;
    const older = log.slice(0, 6);
    expect(await refusal(follower(older, server.sign(headOf(older)), { checkpoint: kept }))).toMatchObject({
      code: 'log.corrupt',
      params: { seq: 7, reason: 'rolled-back' },
    });
    expect(await refusal(follower(log, forger.sign(headOf(log)), { checkpoint: kept }))).toMatchObject({
      params: { reason: 'bad-checkpoint' },
    });
  });
});
