import { describe, expect, it } from 'vitest';
import { FixedOrderTurns } from './fixed-order-turns.js';

const all = (n: number) => new Uint8Array(n).fill(1);

describe('FixedOrderTurns', () => {
  it('goes round the roster from where it stopped, skipping who cannot serve', () => {
    const turns = new FixedOrderTurns(4, false);
    const eligible = Uint8Array.from([1, 0, 1, 1]);
    const away = () => true;
    expect(turns.choose(2, eligible, 3, away)).toEqual([0, 2]);
    expect(turns.choose(2, eligible, 3, away)).toEqual([3, 0]);
  });

  it('with catch-up, serves first a member passed over while away, once back', () => {
    const turns = new FixedOrderTurns(3, true);
    const eligible = Uint8Array.from([1, 0, 1]);
    expect(turns.choose(1, eligible, 2, (i) => i === 1)).toEqual([0]);
    expect(turns.choose(1, eligible, 2, (i) => i === 1)).toEqual([2]); // 1 is passed over: owed
    expect(turns.choose(1, all(3), 3, () => false)).toEqual([1]);
    expect(turns.choose(1, all(3), 3, () => false)).toEqual([0]);
  });

  it('owes nothing to a member skipped for another reason, or without catch-up', () => {
    for (const [catchUp, away] of [
      [true, false],
      [false, true],
    ] as const) {
      const turns = new FixedOrderTurns(2, catchUp);
      expect(turns.choose(1, Uint8Array.from([0, 1]), 1, () => away)).toEqual([1]);
      expect(turns.choose(1, all(2), 2, () => false)).toEqual([0]);
      expect(turns.choose(1, all(2), 2, () => false)).toEqual([1]);
    }
  });
});
