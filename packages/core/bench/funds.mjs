// Funds benchmarks, side by side with dinero.js's allocate in the same run. `npm run bench`.
import { dinero, allocate as dineroAllocate, toSnapshot } from 'dinero.js';
import { CNY } from 'dinero.js/currencies';
import { allocate, summarizeLedger } from '../dist/index.js';
import { bestOf, seededRandom } from './support.mjs';

const random = seededRandom(283);

// ¥600,000.00 over 100,000 areas (50.00–150.00 m²).
const N = 100_000;
const TOTAL = 60_000_000;
const areas = Array.from({ length: N }, () => 5000 + Math.floor(random() * 10000));
const ours = bestOf(() => allocate(TOTAL, areas), 10);
// Webster (a divisor method) on the same rows: rounding leaves fen to move, each found through a heap.
const webster = bestOf(() => allocate(TOTAL, areas, { method: 'webster' }), 5);
// Its worst case: 100,000 equal rows and every quota 0.49999, so 49,999 fen are handed out one by one.
const websterWorst = bestOf(() => allocate(N / 2 - 1, Array(N).fill(1), { method: 'webster' }), 3);
const theirs = bestOf(() => dineroAllocate(dinero({ amount: TOTAL, currency: CNY }), areas), 3);
const theirShares = theirs.result.map((d) => toSnapshot(d).amount);

// Quota check for both: every share within 1 fen of total × w / Σw (exact in BigInt).
const W = BigInt(areas.reduce((a, b) => a + b, 0));
const quotaBreaks = (shares) =>
  shares.filter((s, i) => {
    const diff = BigInt(s) * W - BigInt(TOTAL) * BigInt(areas[i]);
    return diff <= -W || diff >= W;
  }).length;
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

// A ledger of 1,000,000 entries over 10,000 units: pledges, payments, refunds, expenses, income.
const LEDGER = Number(process.env.BENCH_LEDGER ?? 1_000_000);
const kinds = ['pledge', 'pledge', 'payment', 'payment', 'payment', 'refund', 'expense', 'income'];
const entries = Array.from({ length: LEDGER }, (_, i) => {
  const kind = kinds[i % kinds.length];
  const day = 1 + Math.floor(random() * 360);
  const date = new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10);
  const e = { id: `e${i}`, fundId: 'f', kind, amount: 100 + Math.floor(random() * 100_000), date };
  if (kind === 'pledge') e.due = new Date(Date.UTC(2026, 0, day + 30)).toISOString().slice(0, 10);
  if (kind === 'pledge' || kind === 'payment' || kind === 'refund')
    e.unitId = `u${Math.floor(random() * 10_000)}`;
  return e;
});
const ledger = bestOf(() => summarizeLedger(entries, '2026-12-31'), 5);

console.log('\nFunds: Linli best of 10 after a warm-up, dinero.js best of 3\n');
console.log(
  '| operation | Linli ms | dinero.js ms | dinero / Linli | sum exact (Linli / dinero) | shares off quota (Linli / dinero) | target | result |',
);
console.log('|---|---:|---:|---:|---|---|---|---|');
console.log(
  `| allocate ¥600,000.00 over ${N.toLocaleString('en')} areas | ${ours.ms.toFixed(1)} | ${theirs.ms.toFixed(0)} | ${(theirs.ms / ours.ms).toFixed(0)}× | ${sum(ours.result.shares) === TOTAL} / ${sum(theirShares) === TOTAL} | ${quotaBreaks(ours.result.shares)} / ${quotaBreaks(theirShares)} | ≤ 10 ms | ${ours.ms <= 10 ? 'met' : 'MISSED'} |`,
);
console.log(
  `| balance and age a ledger of ${LEDGER.toLocaleString('en')} entries | ${ledger.ms.toFixed(0)} | — | — | — | — | ≤ 300 ms | ${ledger.ms <= 300 ? 'met' : 'MISSED'} |`,
);
const small = dineroAllocate(dinero({ amount: 10, currency: CNY }), [15, 7, 3]).map(
  (d) => toSnapshot(d).amount,
);
console.log(
  `| allocate ¥600,000.00 over ${N.toLocaleString('en')} areas, Webster | ${webster.ms.toFixed(1)} | — | — | ${sum(webster.result.shares) === TOTAL} / — | ${quotaBreaks(webster.result.shares)} / — | ≤ 100 ms | ${webster.ms <= 100 ? 'met' : 'MISSED'} |`,
);
console.log(
  `| Webster's worst case: 49,999 fen moved one by one among ${N.toLocaleString('en')} rows | ${websterWorst.ms.toFixed(1)} | — | — | ${sum(websterWorst.result.shares) === N / 2 - 1} / — | — | ≤ 500 ms | ${websterWorst.ms <= 500 ? 'met' : 'MISSED'} |`,
);
console.log(
  `\n10 fen by 15:7:3 — Linli ${JSON.stringify(allocate(10, [15, 7, 3]).shares)}, dinero.js ${JSON.stringify(small)} (exact quotas 6.0, 2.8, 1.2: a share of 7 breaks quota)`,
);
console.log(
  `ledger: ${ledger.result.units.length.toLocaleString('en')} unit statements, arrears ¥${(ledger.result.arrears / 100).toFixed(2)}`,
);
