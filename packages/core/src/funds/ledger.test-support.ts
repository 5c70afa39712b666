import fc from 'fast-check';
import type { LocalDate } from '../time/local-date.js';
import type { Entry, EntryKind } from './ledger.js';

const kinds: EntryKind[] = [
  'pledge',
  'credit',
  'payment',
  'refund',
  'expense',
  'income',
  'transferIn',
  'transferOut',
];
/** A date in 2026 or early 2027. */
export const day = fc
  .integer({ min: 0, max: 400 })
  .map((d) => new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10) as LocalDate);
/** Any ledger entry of fund `f`, with or without a unit, amounts of either sign. */
export const entryArb: fc.Arbitrary<Entry> = fc
  .record({
    kind: fc.constantFrom(...kinds),
    amount: fc.integer({ min: -50_000, max: 100_000 }),
    date: day,
    due: day,
    unit: fc.constantFrom('u101', 'u102', 'u201', undefined),
    id: fc.uuid(),
  })
  .map(({ kind, amount, date, due, unit, id }) => ({
    id,
    fundId: 'f',
    kind,
    amount,
    date,
    ...(kind === 'pledge' ? { due } : {}),
    ...(unit === undefined || ['expense', 'income', 'transferIn', 'transferOut'].includes(kind)
      ? {}
      : { unitId: unit }),
  }));
