import { describe, expect, it } from 'vitest';
import { addArea, areaToDecimal, centiSquareMetres, formatArea, squareMetres, sumArea } from './area.js';

describe('Area', () => {
  it('stores hundredths of m² exactly', () => {
    expect(squareMetres('75.32')).toBe(7532);
    expect(squareMetres('1800')).toBe(180000);
    expect(areaToDecimal(centiSquareMetres(5))).toBe('0.05');
  });

  it('cannot be negative or fractional', () => {
    expect(() => squareMetres('-1.00')).toThrowError(/number.negative/);
    expect(() => centiSquareMetres(10.5)).toThrowError(/number.not_integer/);
  });

  it('adds and sums', () => {
    expect(addArea(squareMetres('0.01'), squareMetres('0.99'))).toBe(100);
    expect(sumArea([squareMetres('75.32'), squareMetres('88.68')])).toBe(16400);
  });

  it('formats with the m² symbol', () => {
    expect(formatArea(squareMetres('1800'), 'zh-CN')).toBe('1,800.00 m²');
    expect(formatArea(squareMetres('75.3'), 'en')).toBe('75.30 m²');
  });
});
