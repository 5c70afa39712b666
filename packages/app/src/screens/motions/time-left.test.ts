import { describe, expect, it } from 'vitest';
import { timeLeft } from './time-left.ts';

const now = Date.parse('2026-11-29T02:00:00Z');
const later = (ms: number) => new Date(now + ms).toISOString();

describe('timeLeft', () => {
  it('reads a week for a deadline set a week out, seconds ago (the wizard saves whole minutes)', () => {
    expect(timeLeft(later(7 * 86_400_000 - 75_000), now, 'zh-CN')).toBe('7 天');
    expect(timeLeft(later(7 * 86_400_000), now, 'en')).toBe('7 days');
  });

  it('counts days to the nearest hour, hours and minutes down', () => {
    expect(timeLeft(later(2 * 86_400_000 - 31 * 60_000), now, 'zh-CN')).toBe('1 天');
    expect(timeLeft(later(86_400_000), now, 'en')).toBe('1 day');
    expect(timeLeft(later(3_600_000 * 5 + 59 * 60_000), now, 'en')).toBe('5 hours');
    expect(timeLeft(later(30_000), now, 'en')).toBe('1 minute');
  });

  it('is undefined once the deadline has passed', () => {
    expect(timeLeft(later(0), now, 'en')).toBeUndefined();
    expect(timeLeft(later(-1), now, 'en')).toBeUndefined();
  });
});
