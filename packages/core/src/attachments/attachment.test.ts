import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { building96, must } from '../../test/fixtures.js';
import { attachmentHashes } from './attachment.js';

const receipt = { sha256: 'a'.repeat(64), type: 'image/jpeg', size: 1234, name: '收据.jpg' };
const invoice = { sha256: 'b'.repeat(64), type: 'application/pdf', size: 99 };

async function fund() {
  const setup = await building96();
  await must(
    setup.governance,
    {
      type: 'scheme.define',
      id: 'eq',
      name: '平均',
      scope: { kind: 'stairwell', id: 's1' },
      basis: { kind: 'equal' },
    },
    { type: 'fund.open', id: 'f', name: '电梯维修', budget: 1_200_000 },
    { type: 'fund.pledge', fundId: 'f', schemeId: 'eq', cost: 1_200_000, due: '2026-12-31' },
  );
  return setup;
}

describe('attachments on fund commands', () => {
  it('puts the references of a payment, an expense and an income into their ledger entries', async () => {
    const { governance, store } = await fund();
    await must(
      governance,
      { type: 'fund.pay', fundId: 'f', unitId: 'u101', amount: 100, attachments: [receipt] },
      {
        type: 'fund.expense',
        fundId: 'f',
        amount: 500,
        receipt: 'R-1',
        description: '维保',
        attachments: [receipt, invoice],
      },
      { type: 'fund.income', fundId: 'f', amount: 900, source: '广告位', attachments: [invoice] },
    );
    const entries = (await store.read())
      .filter((e) => e.type === 'fund.recorded')
      .flatMap((e) => (e.payload as { entries: { kind: string; attachments?: unknown }[] }).entries);
    const attached = entries.filter((e) => e.attachments).map((e) => [e.kind, e.attachments]);
    expect(attached).toEqual([
      ['payment', [receipt]],
      ['expense', [receipt, invoice]],
      ['income', [invoice]],
    ]);
  });

  it.each([
    ['a short hash', { ...receipt, sha256: 'abc' }, 'attachment.bad_hash', ['attachments', 0, 'sha256']],
    [
      'an upper-case hash',
      { ...receipt, sha256: 'A'.repeat(64) },
      'attachment.bad_hash',
      ['attachments', 0, 'sha256'],
    ],
    [
      'a type not accepted',
      { ...receipt, type: 'text/html' },
      'validation.invalid_value',
      ['attachments', 0, 'type'],
    ],
    ['a size of 0', { ...receipt, size: 0 }, 'validation.too_small', ['attachments', 0, 'size']],
    ['an unknown field', { ...receipt, url: 'http://x' }, 'validation.unrecognized_keys', ['attachments', 0]],
  ])('refuses %s with a typed error and changes nothing', async (_name, attachment, code, path) => {
    const { governance, store } = await fund();
    const before = await store.read();
    const result = await governance.execute({
      type: 'fund.expense',
      fundId: 'f',
      amount: 500,
      receipt: 'R-1',
      description: '维保',
      attachments: [attachment],
    });
    expect(result.ok || result.error).toMatchObject({ code, path });
    expect(await store.read()).toEqual(before);
  });

  it('refuses an empty list and more than ten', async () => {
    const { governance } = await fund();
    for (const attachments of [[], Array.from({ length: 11 }, () => receipt)]) {
      const result = await governance.execute({
        type: 'fund.pay',
        fundId: 'f',
        unitId: 'u101',
        amount: 1,
        attachments,
      });
      expect(result.ok).toBe(false);
    }
  });
});

describe('attachmentHashes', () => {
  it('finds every well-formed hash under any `attachments` list, once each, and nothing else', () => {
    const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
    fc.assert(
      fc.property(fc.array(hex, { maxLength: 5 }), fc.array(hex, { maxLength: 5 }), (a, b) => {
        const payload = {
          sha256: 'c'.repeat(64), // not inside an attachments list
          entries: [{ attachments: a.map((sha256) => ({ sha256 })) }, { note: 'x' }],
          notice: { attachments: b.map((sha256) => ({ sha256 })) },
        };
        expect(new Set(attachmentHashes(payload))).toEqual(new Set([...a, ...b]));
        expect(attachmentHashes(payload).length).toBe(new Set([...a, ...b]).size);
      }),
    );
  });

  it('ignores malformed entries', () => {
    expect(attachmentHashes({ attachments: [null, { sha256: 'xyz' }, 7] })).toEqual([]);
  });
});
