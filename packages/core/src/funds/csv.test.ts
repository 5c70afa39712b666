import { describe, expect, it } from 'vitest';
import { fundViewCsv } from './csv.js';
import type { FundView } from './fund-view.js';

/** A one-row fund view whose room name and amounts are chosen by the test. */
function viewWith(room: string, share: number, paid: number): FundView {
  return {
    fundId: 'f',
    name: 'elevator',
    budget: share,
    rows: [
      {
        unitId: 'u',
        room,
        floor: 3,
        area: 7532,
        coefficient: null,
        share,
        paid,
        arrears: share - paid,
      },
    ],
    totals: { share, paid, arrears: share - paid },
    collected: { numerator: paid, denominator: share },
    income: 0,
    expenses: 0,
    balance: paid,
    charges: [],
  };
}

/** The cells of the first data row (the header is row 0). */
const firstRow = (csv: string) => (csv.split('\r\n')[1] as string).split(',');

describe('CSV cells', () => {
  it('writes a negative amount as a number a spreadsheet can sum, not as text', () => {
    // Overpaid by ¥1.50: arrears −150 fen.
    const row = firstRow(fundViewCsv(viewWith('301', 10_000, 10_150)));
    expect(row.slice(4)).toEqual(['100.00', '101.50', '-1.50']);
  });

  it('guards text that a spreadsheet would run as a formula (OWASP), including one that looks like arithmetic', () => {
    for (const room of ["-2+3+cmd|' /C calc'!A0", '=1+1', '+1', '@SUM(A1)', '\t=1', '\r=1', '-1']) {
      const csv = fundViewCsv(viewWith(room, 100, 0));
      const quoted = `"'${room.replaceAll('"', '""')}"`;
      expect(csv).toContain(`\r\n${quoted},3,75.32,`);
    }
  });

  it('leaves ordinary text and numbers alone and quotes what would break a row', () => {
    expect(firstRow(fundViewCsv(viewWith('3-01', 100, 0))).slice(0, 3)).toEqual(['3-01', '3', '75.32']);
    expect(fundViewCsv(viewWith('3,01 "A"', 100, 0))).toContain('\r\n"3,01 ""A""",3,');
  });
});
