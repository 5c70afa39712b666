// Participatory budgeting benchmark: the Method of Equal Shares with its completion on a city-district
// sized election, exact arithmetic. `npm run bench` (after `npm run build`).
import { equalShares, greedyByApprovals } from '../dist/index.js';
import { bestOf, seededRandom } from './support.mjs';

const random = seededRandom(1616);
const VOTERS = Number(process.env.BENCH_PB_VOTERS ?? 5_000);
const PROJECTS = 111;

// Costs spread over two orders of magnitude (¥5,000–¥500,000, log-uniform, whole yuan), and a budget
// that funds about a quarter of the total cost.
const projects = Array.from({ length: PROJECTS }, (_, i) => ({
  id: `p${i}`,
  name: `项目 ${i}`,
  cost: Math.round(5_000 * 100 ** random()) * 100,
}));
const total = projects.reduce((s, p) => s + p.cost, 0);
const budget = Math.round((total * 0.25) / 100) * 100;
// Approval ballots of 1–10 projects; some projects are far more popular than others.
const popularity = projects.map(() => random() ** 2 + 0.02);
const weight = popularity.reduce((a, b) => a + b, 0);
function pick() {
  let r = random() * weight;
  for (let i = 0; i < PROJECTS; i++) {
    r -= popularity[i];
    if (r <= 0) return i;
  }
  return PROJECTS - 1;
}
const ballots = Array.from({ length: VOTERS }, () => {
  const size = 1 + Math.floor(random() * 10);
  const chosen = new Set();
  while (chosen.size < size) chosen.add(pick());
  return [...chosen].map((i) => `p${i}`);
});

const TARGET_MS = 2_000;
const mes = bestOf(() => equalShares(projects, ballots, budget), 1, false);
const pure = bestOf(() => equalShares(projects, ballots, budget, { completion: 'none' }), 1, false);
const approval = bestOf(() => equalShares(projects, ballots, budget, { utilities: 'approval' }), 1, false);
const greedy = greedyByApprovals(projects, ballots, budget);
const share = (s) => `${s.funded.length} funded, ${((100 * s.spent) / budget).toFixed(1)}% spent`;

console.log(
  `\nParticipatory budgeting: ${VOTERS.toLocaleString('en')} voters × ${PROJECTS} projects, budget ¥${(budget / 100).toLocaleString('en')} (${((100 * budget) / total).toFixed(0)}% of the total cost), exact fractions\n`,
);
console.log('| operation | ms | target ms | ms / target | result | outcome |');
console.log('|---|---:|---:|---:|---|---|');
const row = (name, run, target) =>
  console.log(
    `| ${name} | ${run.ms.toFixed(0)} | ${target ?? '—'} | ${target ? (run.ms / target).toFixed(2) : '—'} | ${target ? (run.ms <= target ? 'met' : 'MISSED') : '—'} | ${share(run.result)} |`,
  );
row('Equal Shares, cost utilities, add-one then greedy (the default)', mes, TARGET_MS);
row('Equal Shares, approval utilities, add-one then greedy', approval, TARGET_MS);
row('Equal Shares without completion', pure);
console.log(`\nGreedy by approvals for comparison: ${share(greedy)}; final share per voter ${mes.result.endowment} fen.`);
