import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DiffRow, diffCounts, diffText } from './text-diff.ts';

const text = (rows: readonly DiffRow[], side: 'before' | 'after') =>
  rows
    .filter((r) => r.kind === 'same' || r.kind === (side === 'before' ? 'removed' : 'added'))
    .map((r) => r.parts.map((p) => p.text).join(''))
    .join('\n');

const changed = (row: DiffRow | undefined) =>
  row?.parts
    .filter((p) => p.changed)
    .map((p) => p.text)
    .join('|');

describe('diffText', () => {
  it('marks the characters a Chinese amendment changes inside the line it replaces', () => {
    const rows = diffText(
      '第一条 文明乘梯。\n第二条 宠物须牵好。\n第三条 爱护设施。',
      '第一条 文明乘梯。\n第二条 宠物须抱起，不得单独乘梯。\n第三条 爱护设施。',
    );
    expect(rows.map((r) => r.kind)).toEqual(['same', 'removed', 'added', 'same']);
    expect(changed(rows[1])).toBe('牵好');
    expect(changed(rows[2])).toBe('抱起，不得单独乘梯');
    expect(diffCounts(rows)).toEqual({ removed: 1, added: 1 });
  });

  it('shows added and removed lines whole, and an unchanged text as unchanged', () => {
    const rows = diffText('甲\n乙', '甲\n乙\n丙（新增）');
    expect(rows.map((r) => [r.kind, changed(r) ?? ''])).toEqual([
      ['same', ''],
      ['same', ''],
      ['added', '丙（新增）'],
    ]);
    expect(diffText('甲\n乙', '甲\n乙').every((r) => r.kind === 'same')).toBe(true);
    expect(diffText('只删\n留下', '留下').map((r) => r.kind)).toEqual(['removed', 'same']);
  });

  it('never splits a character outside the BMP', () => {
    const rows = diffText('𠮷野家', '𠮷田家');
    expect(changed(rows[0])).toBe('野');
    expect(changed(rows[1])).toBe('田');
  });

  it('gives back both texts exactly, line for line, for any pair', () => {
    const line = fc.string({ unit: fc.constantFrom('甲', '乙', '丙', 'a', ' ', '。', '𠮷'), maxLength: 6 });
    const body = fc.array(line, { maxLength: 6 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(body, body, (before, after) => {
        const rows = diffText(before, after);
        expect(text(rows, 'before')).toBe(before);
        expect(text(rows, 'after')).toBe(after);
        // Unchanged parts of a row never differ from their own line: nothing "same" is marked changed.
        for (const r of rows) if (r.kind === 'same') expect(r.parts.every((p) => !p.changed)).toBe(true);
      }),
    );
  });

  it('stays bounded on a long body: a whole rewrite is shown as removed and added', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `第${i}条`).join('\n');
    const after = Array.from({ length: 3000 }, (_, i) => `新${i}条`).join('\n');
    const started = performance.now();
    const rows = diffText(before, after);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(text(rows, 'after')).toBe(after);
  });
});
