// Participatory budgeting benchmark: the Method of Equal Shares with its completion, exact arithmetic, on
// 5,000 voters × 111 projects. `npm run bench` (after `npm run build`).
import { equalShares, greedyByApprovals } from '../dist/index.js';
import { seededRandom } from './support.mjs';

const VOTERS = Number(process.env.BENCH_PB_VOTERS ?? 5_000);
const PROJECTS = 111;
const TARGET_MS = 2_000;

/**
 * A seeded election of realistic shape: costs log-uniform over two orders of magnitude from `cheapest`
 * yuan (whole yuan), a budget funding a quarter of the total cost, approval ballots of 1–10 projects
 * with some projects far more popular than others.
 */
function election(seed, cheapest) {
  const random = seededRandom(seed);
  const projects = Array.from({ length: PROJECTS }, (_, i) => ({
    id: `p${i}`,
    name: `项目 ${i}`,
    cost: Math.round(cheapest * 100 ** random()) * 100,
  }));
  const total = projects.reduce((s, p) => s + p.cost, 0);
  const budget = Math.round((total * 0.25) / 100) * 100;
  const popularity = projects.map(() => random() ** 2 + 0.02);
  const weight = popularity.reduce((a, b) => a + b, 0);
  const pick = () => {
    let r = random() * weight;
    for (let i = 0; i < PROJECTS; i++) {
      r -= popularity[i];
      if (r <= 0) return i;
    }
    return PROJECTS - 1;
  };
  const ballots = Array.from({ length: VOTERS }, () => {
    const size = 1 + Math.floor(random() * 10);
    const chosen = new Set();
    while (chosen.size < size) chosen.add(pick());
    return [...chosen].map((i) => `p${i}`);
  });
  return { projects, ballots, budget };
}

/** An exact "n/d" fen share as yuan with two decimals. */
const share = (fen) => {
  const [n, d = '1'] = fen.split('/');
  return (Number(n) / Number(d) / 100).toFixed(2);
};

/** Wall and CPU time of one call: the machine may be shared, and CPU time is what the method costs. */
function timed(fn) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = fn();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, result };
}

console.log(
  `\nParticipatory budgeting: ${VOTERS.toLocaleString('en')} voters × ${PROJECTS} projects, exact fractions\n`,
);
console.log('| election | method | wall ms | CPU ms | target | wall / target | result | outcome |');
console.log('|---|---|---:|---:|---:|---:|---|---|');
const scales = [
  ['community scale: ¥1,000–¥100,000 projects', 1_000, TARGET_MS],
  ['municipal scale: ¥5,000–¥500,000 projects', 5_000, TARGET_MS],
];
for (const [name, cheapest, target] of scales) {
  const { projects, ballots, budget } = election(1616, cheapest);
  const label = `${name}, budget ¥${(budget / 100).toLocaleString('en')} (¥${Math.round(budget / VOTERS / 100)} a voter)`;
  const outcome = (s) =>
    `${s.funded.length} funded, ${((100 * s.spent) / budget).toFixed(1)}% spent${s.endowment ? `, share ¥${share(s.endowment)}` : ''}`;
  const rows = [
    ['MES, cost utilities, add-one then greedy (default)', {}, target],
    ['MES, approval utilities, add-one then greedy', { utilities: 'approval' }, target],
    ['MES without completion', { completion: 'none' }, null],
  ];
  for (const [method, options, goal] of rows) {
    const run = timed(() => equalShares(projects, ballots, budget, options));
    const verdict = goal
      ? run.ms <= goal
        ? 'met'
        : run.cpuMs <= goal
          ? 'met in CPU time (machine busy)'
          : 'MISSED'
      : '—';
    console.log(
      `| ${label} | ${method} | ${run.ms.toFixed(0)} | ${run.cpuMs.toFixed(0)} | ${goal ? `≤ ${goal} ms` : '—'} | ${goal ? (run.ms / goal).toFixed(2) : '—'} | ${verdict} | ${outcome(run.result)} |`,
    );
  }
  console.log(
    `| ${label} | greedy by approvals | — | — | — | — | — | ${outcome(greedyByApprovals(projects, ballots, budget))} |`,
  );
}
