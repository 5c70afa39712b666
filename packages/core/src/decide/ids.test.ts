import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../time/ids.js';
import { chooseId } from './ids.js';

describe('chooseId', () => {
  it('keeps a free requested id, refuses a taken one, and draws generated ids past any taken', () => {
    const taken = new Set(['swap-1', 'swap-2']);
    const context = { newId: sequentialIds() };
    expect(chooseId((id) => taken.has(id), 'swap', 'mine', context)).toEqual({ ok: true, value: 'mine' });
    const refused = chooseId((id) => taken.has(id), 'swap', 'swap-1', context);
    expect(refused.ok || refused.error.code).toBe('entity.duplicate_id');
    expect(chooseId((id) => taken.has(id), 'swap', undefined, context)).toEqual({
      ok: true,
      value: 'swap-3',
    });
  });
});
