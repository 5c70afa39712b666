import { describe, expect, it } from 'vitest';
import { testSigner } from '../../test/checkpoint-signer.js';
import { CheckpointKeeper } from './checkpoint-keeper.js';

const server = testSigner();
const head = (seq: number, digit = 'a') => ({ seq, hash: digit.repeat(64) });

describe('CheckpointKeeper', () => {
  it('keeps the newest checkpoint, trusting the first key it sees', async () => {
    const keeper = new CheckpointKeeper();
    expect(await keeper.accept(server.sign(head(3)))).toMatchObject({ ok: true });
    expect(await keeper.accept(server.sign(head(3)))).toMatchObject({ ok: true }); // the same again
    expect(await keeper.accept(server.sign(head(9)))).toMatchObject({ ok: true });
    expect(keeper.newest).toMatchObject(head(9));
    // Another key, or another community, is not this server's word.
    for (const checkpoint of [testSigner().sign(head(10)), server.sign(head(10), 'other')])
      expect(await keeper.accept(checkpoint)).toMatchObject({
        ok: false,
        error: { code: 'log.corrupt', params: { seq: 10, reason: 'bad-checkpoint' } },
      });
    expect(keeper.newest).toMatchObject(head(9));
  });

  it('refuses a roll-back behind the kept checkpoint, or another hash at its seq, across sessions', async () => {
    const keeper = new CheckpointKeeper({ publicKey: server.publicKey, checkpoint: server.sign(head(9)) });
    for (const checkpoint of [server.sign(head(8)), server.sign(head(9, 'b'))])
      expect(await keeper.accept(checkpoint)).toMatchObject({
        ok: false,
        error: { code: 'log.corrupt', params: { reason: 'rolled-back' } },
      });
    expect(await keeper.accept(server.sign(head(8)))).toMatchObject({ error: { params: { seq: 9 } } });
  });
});
