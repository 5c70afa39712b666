import type { Governance } from '@linli/core';
import { describe, expect, it } from 'vitest';
import { holderLabel } from './holder-label.ts';

/** A register of one building with unit `u102`, its resident `r1` and its owner `o102`. */
const gov = {
  read: <T>(f: (s: never) => T): T =>
    f({
      community: {
        units: new Map([['u102', { id: 'u102', room: '102', stairwellId: 's1' }]]),
        stairwells: new Map([['s1', { id: 's1', buildingId: 'b96' }]]),
        buildings: new Map([['b96', { id: 'b96', name: '96号楼' }]]),
        residents: new Map([['r1', { id: 'r1', unitId: 'u102', name: '陈阿姨' }]]),
        owners: new Map([['o102', { id: 'o102', name: '刘女士' }]]),
      },
    } as never),
} as Pick<Governance, 'read'>;

describe('holderLabel', () => {
  it('names a proxy holder by room or by name, never by id', () => {
    expect(holderLabel(gov, 'u102', 'zh-CN')).toBe('102室');
    expect(holderLabel(gov, 'u102', 'en')).toBe('Room 102');
    expect(holderLabel(gov, 'r1', 'zh-CN')).toBe('陈阿姨');
    expect(holderLabel(gov, 'o102', 'en')).toBe('刘女士');
    // A relative named on the paper is shown as the paper names them.
    expect(holderLabel(gov, '李明（女儿）', 'zh-CN')).toBe('李明（女儿）');
  });
});
