import { linliError } from '@linli/core';
import { describe, expect, it } from 'vitest';
import { describeChoice, marksFields, paperModeOf, parseOrder, withOptionLabels } from './paper-marks.ts';

const options = [
  { id: 'a', label: '甲方案' },
  { id: 'b', label: '乙方案' },
  { id: 'c', label: '丙方案' },
];

describe('what a paper form of each kind carries', () => {
  it('one answer for proposals and single choice, several marks for the others', () => {
    expect(paperModeOf({ kind: 'proposal' })).toBe('choice');
    expect(paperModeOf({ kind: 'single' })).toBe('choice');
    expect(paperModeOf({ kind: 'approval' })).toBe('approval');
    expect(paperModeOf({ kind: 'score' })).toBe('score');
    expect(paperModeOf({ kind: 'ranked' })).toBe('ranked');
    expect(paperModeOf({ kind: 'dot' })).toBe('dot');
  });

  it('reads an order typed as numbers, in any separator people use', () => {
    expect(parseOrder('3 1 2', options)).toEqual({ ok: true, ids: ['c', 'a', 'b'] });
    expect(parseOrder('3，1、2', options)).toEqual({ ok: true, ids: ['c', 'a', 'b'] });
    expect(parseOrder('２ 1', options)).toEqual({ ok: true, ids: ['b', 'a'] });
    expect(parseOrder(' ', options)).toEqual({ ok: true, ids: [] });
    expect(parseOrder('4 1', options)).toEqual({ ok: false, typed: '4' });
    expect(parseOrder('1 x', options)).toEqual({ ok: false, typed: 'x' });
  });

  it('turns the marks into the one ballot.cast field the kind takes (the core checks the rest)', () => {
    const input = { picked: [true, false, true], numbers: ['5', '', '2'], order: '2 3' };
    expect(marksFields('approval', options, input)).toEqual({ ok: true, fields: { options: ['a', 'c'] } });
    expect(marksFields('score', options, input)).toEqual({ ok: true, fields: { scores: { a: 5, c: 2 } } });
    expect(marksFields('dot', options, input)).toEqual({ ok: true, fields: { points: { a: 5, c: 2 } } });
    expect(marksFields('ranked', options, input)).toEqual({ ok: true, fields: { ranking: ['b', 'c'] } });
    expect(marksFields('score', options, { ...input, numbers: ['五', '', ''] })).toEqual({
      ok: false,
      problem: { path: ['scores', 'a'], key: 'notNumber', params: { option: '甲方案', typed: '五' } },
    });
    expect(marksFields('ranked', options, { ...input, order: '9' })).toEqual({
      ok: false,
      problem: { path: ['ranking'], key: 'noSuchOption', params: { typed: '9', n: '3' } },
    });
  });

  it('describes a ballot (a pending paper) in the options’ words', () => {
    const motion = { options, kind: 'ranked' as const };
    expect(describeChoice({ kind: 'ranked', ranking: [2, 0] }, motion, 'zh-CN')).toBe('丙方案 > 甲方案');
    expect(describeChoice({ kind: 'approval', options: [0, 1] }, motion, 'en')).toBe('甲方案, 乙方案');
    expect(describeChoice({ kind: 'score', scores: [5, 0, 2] }, motion, 'en')).toBe(
      '甲方案 5, 乙方案 0, 丙方案 2',
    );
    expect(describeChoice({ kind: 'single', option: 1 }, motion, 'en')).toBe('乙方案');
    expect(describeChoice({ kind: 'proposal', vote: 'no' }, motion, 'zh-CN')).toBe('反对');
    expect(describeChoice({ kind: 'approval', options: [] }, motion, 'en')).toBe('(none)');
  });
});

describe('the core’s refusals, naming options', () => {
  it('re-renders the typed error with the options’ labels instead of their ids', () => {
    const error = linliError('ballot.duplicate_option', ['ranking', 1], { id: 'a' });
    const named = withOptionLabels(error, { options });
    expect(named).toMatchObject({
      code: 'ballot.duplicate_option',
      path: ['ranking', 1],
      params: { id: '甲方案' },
    });
    expect(named.message['zh-CN']).toContain('甲方案');
    const plain = linliError('ballot.already_cast', ['voterId']);
    expect(withOptionLabels(plain, { options })).toBe(plain);
  });
});
