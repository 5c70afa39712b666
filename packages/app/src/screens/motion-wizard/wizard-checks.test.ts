import { describe, expect, it } from 'vitest';
import { checkDraft, chinaTime } from './wizard-checks.ts';
import type { WizardDraft } from './wizard-draft.ts';

const now = Date.parse('2026-11-29T02:00:00Z');
const draft: WizardDraft = {
  template: 'offers',
  title: '广告位出租',
  body: '',
  kind: 'single',
  options: [
    { id: 'o1', label: '甲公司' },
    { id: 'o2', label: '乙公司' },
  ],
  scope: { kind: 'community' },
  basis: 'owners',
  rule: 'civilCode278.ordinary',
  mustConsent: [],
  secrecy: 'public',
  allowChange: true,
  proxyCap: 1,
  tieBreak: 'report',
  opensAt: '',
  closesAt: '2026-12-06T10:00',
};

describe('checkDraft (before anything is sent)', () => {
  it('passes a complete draft', () => {
    expect(checkDraft(draft, now)).toBeUndefined();
  });

  it('refuses a closing time in the past beside its field, the time in China time and the page’s words', () => {
    const error = checkDraft({ ...draft, closesAt: '2026-11-28T09:30' }, now);
    expect(error?.path).toEqual(['closesAt']);
    expect(error?.message['zh-CN']).toContain('2026');
    expect(error?.message['zh-CN']).not.toMatch(/T\d\d:|Z\b/);
    expect(error?.message.en).not.toMatch(/T\d\d:|Z\b/);
    expect(error?.message['zh-CN']).not.toMatch(/[A-Za-z]/);
  });

  it('refuses a closing time of exactly now', () => {
    expect(checkDraft({ ...draft, closesAt: new Date(now).toISOString() }, now)?.path).toEqual(['closesAt']);
  });

  it('asks for a title in plain words', () => {
    const error = checkDraft({ ...draft, title: '   ' }, now);
    expect(error?.path).toEqual(['title']);
    expect(error?.message).toEqual({ 'zh-CN': '请填写标题', en: 'Please enter a title' });
  });

  it('refuses an empty option beside it, naming it', () => {
    const error = checkDraft({ ...draft, options: [...draft.options, { id: 'o3', label: ' ' }] }, now);
    expect(error?.path).toEqual(['options', 2, 'label']);
    expect(error?.message.en).toContain('3');
  });

  it('refuses a choice with fewer than two options with the core’s own error, at the options', () => {
    const error = checkDraft({ ...draft, options: [{ id: 'o1', label: '甲公司' }] }, now);
    expect(error).toMatchObject({ code: 'motion.options_required', path: ['options'] });
    expect(error?.message['zh-CN']).toBe('这类议题至少需要两个选项');
  });

  it('ignores the options of a yes/no proposal', () => {
    expect(
      checkDraft({ ...draft, kind: 'proposal', options: [{ id: 'o1', label: '' }] }, now),
    ).toBeUndefined();
  });
});

describe('chinaTime', () => {
  it('shows an instant as the clock in China reads it, in the page’s language', () => {
    expect(chinaTime('2026-11-28T01:30:00Z', 'zh-CN')).toContain('09:30');
    expect(chinaTime('2026-11-28T01:30:00Z', 'en')).toMatch(/9:30/);
  });
});
