// Voting benchmarks, side by side with the `votes` package in the same run.
// `npm run bench` — not part of `npm test`. BENCH_BALLOTS / BENCH_YESNO shrink the runs for a quick look.
import { InstantRunoff, RankedPairs, Schulze, utils } from 'votes';
// Internals the public entry point does not export are imported from their built modules.
import { instantRunoff, rulePresets, schulze, tallyMotion } from '../dist/index.js';
import { allocateColumns, writeBallot } from '../dist/voting/columns.js';
import { pairwiseMatrix } from '../dist/voting/methods/pairwise.js';
import { rankedPairs } from '../dist/voting/methods/ranked-pairs.js';
import { bestOf, seededRandom } from './support.mjs';

const K = 10;
const N = Number(process.env.BENCH_BALLOTS ?? 100_000);
const YESNO = Number(process.env.BENCH_YESNO ?? 1_000_000);
const names = Array.from({ length: K }, (_, i) => `C${i}`);
const identity = Array.from({ length: K }, (_, i) => i);

// A seeded generator, so every run counts the same election.
const random = seededRandom(96);

const order = new Uint8Array(N * K);
for (let b = 0; b < N; b++) {
  const row = order.subarray(b * K, b * K + K);
  row.set(identity);
  for (let i = K - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [row[i], row[j]] = [row[j], row[i]];
  }
}
const ballots = { options: K, count: N, order };
const theirBallots = Array.from({ length: N }, (_, b) => ({
  ranking: Array.from(order.subarray(b * K, b * K + K), (c) => [names[c]]),
  weight: 1,
}));

const rows = [];
function compare(name, ours, theirs, same, target) {
  rows.push({ name, ours: ours.ms, theirs: theirs?.ms, same, target });
}

const ourSchulze = bestOf(() => schulze(pairwiseMatrix(ballots), K, identity), 5);
const theirSchulze = bestOf(
  () => new Schulze(utils.matrixFromBallots(theirBallots, names)).ranking(),
  1,
  false,
);
compare(
  'Schulze (incl. pairwise matrix)',
  ourSchulze,
  theirSchulze,
  names[ourSchulze.result.winners[0]] === theirSchulze.result[0][0],
  20,
);

const ourRp = bestOf(() => rankedPairs(pairwiseMatrix(ballots), K, identity), 5);
const theirRp = bestOf(
  () => new RankedPairs(utils.matrixFromBallots(theirBallots, names)).ranking(),
  1,
  false,
);
compare(
  'Ranked Pairs (incl. pairwise matrix)',
  ourRp,
  theirRp,
  names[ourRp.result.winner] === theirRp.result[0][0],
  20,
);

const ourIrv = bestOf(() => instantRunoff(ballots, identity), 5);
const skipTheirIrv = process.env.BENCH_SKIP_VOTES_IRV === '1';
const theirIrv = skipTheirIrv
  ? undefined
  : bestOf(() => new InstantRunoff({ candidates: names, ballots: theirBallots }).ranking(), 1, false);
compare(
  'IRV',
  ourIrv,
  theirIrv,
  theirIrv ? names[ourIrv.result.winner] === theirIrv.result[0][0] : 'not run',
  50,
);

// The public tally of a ranked IRV motion with the same ballots: everything tallyMotion adds to the raw
// count (casting the ballots out of the columns, first choices, final-round support, checks) is overhead.
const rankedVoters = Array.from({ length: N }, (_, i) => ({
  id: `r${i}`,
  members: [],
  unitIds: [],
  area: 5000 + (i % 10000),
  custom: 0,
}));
const rankedColumns = allocateColumns('ranked', rankedVoters, K);
for (let b = 0; b < N; b++)
  writeBallot(rankedColumns, b, { kind: 'ranked', ranking: Array.from(order.subarray(b * K, b * K + K)) });

// Yes/no double majority (Civil Code Art. 278, major matter) over a million owners.
const voters = Array.from({ length: YESNO }, (_, i) => ({
  id: `v${i}`,
  members: [],
  unitIds: [],
  area: 5000 + Math.floor(random() * 10000),
  custom: 0,
}));
const columns = allocateColumns('proposal', voters, 0);
const answers = ['yes', 'yes', 'yes', 'no', 'abstain'];
for (let i = 0; i < YESNO; i++)
  if (random() < 0.8) writeBallot(columns, i, { kind: 'proposal', vote: answers[i % 5] });
const entry = {
  motion: {
    id: 'm',
    organizer: 'o',
    title: 't',
    body: '',
    kind: 'proposal',
    options: [],
    allowBlock: false,
    scope: { kind: 'community' },
    basis: 'owners',
    rule: rulePresets['civilCode278.major'],
    mustConsent: [],
    secrecy: 'public',
    showVoters: true,
    allowChange: false,
    proxyCap: 0,
    tieBreak: 'report',
    closesAt: '2027-01-01T00:00:00Z',
    status: 'open',
    amendments: [],
    electorate: voters,
  },
  voterIndex: new Map(),
  ballots: new Map(),
  proxies: new Map(),
  pendingPapers: new Map(),
  columns,
};
const now = new Date('2026-11-29T00:00:00Z');
const rankedEntry = {
  ...entry,
  motion: {
    ...entry.motion,
    kind: 'ranked',
    method: 'irv',
    options: names.map((id) => ({ id, label: id })),
    rule: rulePresets.simpleMajority,
    electorate: rankedVoters,
  },
  columns: rankedColumns,
};
// Raw and public IRV measured alternately, so both see the same heap and the same load.
const rankedRuns = { raw: Number.POSITIVE_INFINITY, tally: Number.POSITIVE_INFINITY };
let rankedTally;
for (let run = 0; run < 15; run++) {
  const raw = bestOf(() => instantRunoff(ballots, identity), 1, run === 0);
  const tally = bestOf(() => tallyMotion(rankedEntry, { now, seed: '0'.repeat(64) }), 1, run === 0);
  rankedRuns.raw = Math.min(rankedRuns.raw, raw.ms);
  rankedRuns.tally = Math.min(rankedRuns.tally, tally.ms);
  rankedTally = tally.result;
}
rows.push({
  name: 'ranked IRV motion, public tally (`tallyMotion`)',
  ours: rankedRuns.tally,
  target: 2 * rankedRuns.raw,
  targetText: `≤ 2 × raw IRV (${(2 * rankedRuns.raw).toFixed(1)} ms)`,
});
const yesNo = bestOf(() => tallyMotion(entry, { now, seed: '0'.repeat(64) }), 10);
rows.push({
  name: `yes/no double majority, ${YESNO.toLocaleString('en')} ballots`,
  ours: yesNo.ms,
  target: 20,
  perBallot: YESNO,
});
const bytes =
  columns.area.byteLength + columns.custom.byteLength + columns.cast.byteLength + columns.vote.byteLength;
const rankedBytes = order.byteLength / N;

console.log(
  `\nVoting: ${K} candidates × ${N.toLocaleString('en')} random full rankings (seeded), Linli best of 5 after a warm-up, votes one cold run (it takes seconds)\n`,
);
console.log('| method | Linli ms | ballots/s | votes ms | votes / Linli | same winner | target | result |');
console.log('|---|---:|---:|---:|---:|---|---|---|');
for (const r of rows) {
  const count = r.perBallot ?? N;
  const rate = Math.round(count / (r.ours / 1000)).toLocaleString('en');
  const theirs = r.theirs === undefined ? '—' : r.theirs.toFixed(0);
  const ratio = r.theirs === undefined ? '—' : `${(r.theirs / r.ours).toFixed(0)}×`;
  const same = r.same === undefined ? '—' : r.same === true ? 'yes' : r.same === false ? 'NO' : r.same;
  console.log(
    `| ${r.name} | ${r.ours.toFixed(1)} | ${rate} | ${theirs} | ${ratio} | ${same} | ${r.targetText ?? `≤ ${r.target} ms`} | ${r.ours <= r.target ? 'met' : 'MISSED'} |`,
  );
}
console.log(
  `\nTally memory: ${(bytes / YESNO).toFixed(0)} bytes per yes/no ballot, ${rankedBytes} bytes per ranked ballot (target ≤ 64).`,
);
console.log(
  `Ranked IRV, ${N.toLocaleString('en')} ballots: public tally ${rankedRuns.tally.toFixed(1)} ms against raw instantRunoff ${rankedRuns.raw.toFixed(1)} ms (measured alternately) = ${(rankedRuns.tally / rankedRuns.raw).toFixed(2)}× (target ≤ 2×); winner ${rankedTally.winners.join(', ')} (raw: ${names[ourIrv.result.winner]}).`,
);
console.log(
  `yes/no outcome: ${yesNo.result.outcome}; checks met: ${yesNo.result.checks.map((c) => c.met).join(', ')}`,
);
