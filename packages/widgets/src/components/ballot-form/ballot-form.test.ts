import { ballotNumber } from '@linli/core';
import { afterEach, describe, expect, it } from 'vitest';
import { elevatorMotion, mount, onDarkPage, stairwell, violations } from '../../../test/fixtures.js';
import '../../define/linli-ballot-form.js';
import type { LinliBallotForm } from './ballot-form.js';

afterEach(() => {
  document.body.replaceChildren();
});

const text = (el: LinliBallotForm) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

async function form(lang: string, voter: string, motion: Record<string, unknown> = {}) {
  const { gov } = await stairwell();
  await elevatorMotion(gov, motion);
  return mount<LinliBallotForm>(
    `<linli-ballot-form lang="${lang}" motion="lift" voter="${voter}" community-name="新福康里"></linli-ballot-form>`,
    'linli-ballot-form',
    (e) => {
      e.governance = gov;
    },
  );
}

const choice = (kind: string, extra: Record<string, unknown> = {}) => ({
  kind,
  rule: 'simpleMajority',
  options: [
    { id: 'a', label: '方案甲' },
    { id: 'b', label: '方案乙' },
    { id: 'c', label: '方案丙' },
  ],
  ...extra,
});

describe('<linli-ballot-form>', () => {
  it('prints the community, the room, the motion and the ballot number the paper entry takes', async () => {
    const el = await form('zh-CN', 'o201');
    const s = text(el);
    expect(s).toContain('新福康里');
    expect(el.shadowRoot?.querySelector('.room')?.textContent).toBe('201');
    expect(el.shadowRoot?.querySelector('[part=number]')?.textContent).toBe(ballotNumber('lift', 'o201'));
    expect(s).toContain('加装电梯');
    expect(s).toContain('同意在1单元加装电梯。');
    expect(s).toContain('签名');
    expect(s).toContain('日期');
  });

  it('lays out yes / no / abstain boxes for a proposal', async () => {
    const el = await form('en', 'o101');
    const boxes = [...(el.shadowRoot?.querySelectorAll('.box') ?? [])].map((b) =>
      b.getAttribute('aria-label'),
    );
    expect(boxes).toEqual(['Yes', 'No', 'Abstain']);
    expect(text(el)).toContain('Signature: ');
    expect(await violations(el)).toEqual([]);
  });

  it.each([
    ['single', {}, 'Tick the box of one option only.', 3],
    ['approval', { maxChoices: 2 }, 'Tick the box of every option you approve (0 to 2 options).', 3],
    ['ranked', { method: 'irv' }, 'Write 1, 2, 3', 3],
    ['dot', { budget: 10, rule: 'twoThirdsTurnout' }, '10 points at most', 3],
  ])('lays out one box per option for a %s motion, with its instructions', async (kind, extra, says, n) => {
    const el = await form('en', 'o101', choice(kind, extra));
    expect(text(el)).toContain(says);
    expect(el.shadowRoot?.querySelectorAll('.box').length).toBe(n);
    expect(await violations(el)).toEqual([]);
  });

  it.each([
    ['zh-CN', false, '已经在网上投过票的，不用再交这张纸票：每户只算一票。'],
    ['en', false, 'If you already voted online, do not hand this in: each household votes once.'],
    ['zh-CN', true, '网上投过票也可以再交纸票，以最后交的一次为准。'],
    ['en', true, 'If you also vote online, the ballot given last is the one that counts.'],
  ])(
    'says in %s what a paper ballot does after an online vote (changes allowed: %s)',
    async (lang, allowChange, says) => {
      const el = await form(lang, 'o101', { allowChange });
      expect(text(el)).toContain(says);
    },
  );

  it('gives a score motion 0–5 to circle for every option', async () => {
    const el = await form('zh-CN', 'o101', choice('score', { rule: 'twoThirdsTurnout' }));
    expect(el.shadowRoot?.querySelectorAll('.score').length).toBe(18);
    expect(text(el)).toContain('圈出 0 至 5');
  });

  it('refuses a household that is not on the roll', async () => {
    const el = await form('en', 'o999');
    expect(text(el)).toContain('not on the roll');
  });

  it('passes axe (contrast included) in dark mode on a dark page', async () => {
    await onDarkPage(async () => {
      const el = await form('zh-CN', 'o101');
      expect(await violations(el)).toEqual([]);
    });
  });
});
