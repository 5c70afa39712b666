import { describe, expect, it } from 'vitest';
import { hundredthsOrText, wholeOrText } from './command-screen.ts';

describe('what the command forms send', () => {
  it('sends yuan and m² as exact hundredths, and anything else as typed for the core to refuse', () => {
    expect(hundredthsOrText('3,000')).toBe(300_000);
    expect(hundredthsOrText('82.34')).toBe(8234);
    expect(hundredthsOrText('0.07')).toBe(7);
    expect(hundredthsOrText('1.005')).toBe('1.005');
    expect(hundredthsOrText('三千')).toBe('三千');
    expect(wholeOrText('25')).toBe(25);
    expect(wholeOrText('-1')).toBe(-1);
    expect(wholeOrText('2.5')).toBe('2.5');
  });
});
