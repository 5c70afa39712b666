import { describe, expect, it } from 'vitest';
import { closingLine } from './closing-line.ts';

const closesAt = '2026-12-20T10:00:00Z';

describe('the motion page’s closing line', () => {
  it('gives the scheduled time while the motion is open', () => {
    expect(closingLine({ closesAt }, 'en')).toBe('Closes: Dec 20, 2026, 6:00 PM');
  });

  it('gives the time it actually closed, and the scheduled time beside it when closed early', () => {
    const early = { closesAt, closedAt: '2026-12-18T07:30:00.000Z', closedEarly: true };
    expect(closingLine(early, 'en')).toBe(
      'Closed at Dec 18, 2026, 3:30 PM, scheduled for Dec 20, 2026, 6:00 PM',
    );
    expect(closingLine(early, 'zh-CN')).toBe(
      '结束于 2026年12月18日 15:30（原定截止 2026年12月20日 18:00，提前结束）',
    );
  });

  it('gives the close time alone when it closed on schedule', () => {
    const onTime = { closesAt, closedAt: '2026-12-20T10:00:04.000Z', closedEarly: false };
    expect(closingLine(onTime, 'zh-CN')).toBe('结束于 2026年12月20日 18:00');
  });
});
