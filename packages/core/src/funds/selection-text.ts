import type { Fraction } from '../numbers/fraction.js';
import type { Project, ProjectOutcome } from './participatory.js';

/** Fen as yuan with two decimals, for reasons only: every decision is made on the exact value. */
export const yuan = (fen: number | Fraction): string => {
  const value = typeof fen === 'number' ? fen : Number((fen.numerator * 100n) / fen.denominator) / 100;
  return (value / 100).toFixed(2);
};

/** An unfunded project's outcome; with no approvals the reason is always that nobody backed it. */
export function notFunded(p: Project, approvals: number, reason: ProjectOutcome['reason']): ProjectOutcome {
  return {
    projectId: p.id,
    approvals,
    funded: false,
    round: null,
    reason: approvals === 0 ? { 'zh-CN': '没有人支持', en: 'Nobody approved it' } : reason,
  };
}

/** 1st, 2nd, 3rd, 4th, … 11th, 12th, 13th, … 21st. */
export function ordinal(n: number): string {
  const s =
    n % 100 >= 11 && n % 100 <= 13
      ? 'th'
      : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${s}`;
}
