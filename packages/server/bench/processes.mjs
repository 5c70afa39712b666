// Several `linli-server` processes on one PostgreSQL (issue #20): 1, 2 and 3 processes with group commit
// (as `linli-server` runs), side by side with one process on SQLite. Each run sends the same burst of
// valid ballots — households signed in with their own invite codes, each from its own address — round-
// robin over the processes on a fixed number of connections, then checks that nothing was refused or
// lost, that no process exited, that the log verifies and that every process has the same head. CPU per
// ballot is read from /proc for the server processes and for every PostgreSQL process (backends,
// WAL writer, checkpointer), before and after the burst.
// `npm run bench` (in packages/server: `node bench/processes.mjs`, after `npm run build`).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verify } from '@linli/core';
import pg from 'pg';
import { castBallots, signInAll, tally } from '../dist/testing/ballot-load.js';
import { createDatabase, startPostgres } from '../dist/testing/postgres-cluster.js';
import { MOTION, startServerProcesses } from '../dist/testing/server-processes.js';
import { percentile, printFigures, row } from './measure.mjs';

const BALLOTS = Number(process.env.BENCH_PROCESS_BALLOTS ?? 6000);
const CONNECTIONS = Number(process.env.BENCH_PROCESS_CONNECTIONS ?? 48);
/** Enough households that none reaches its 60 commands a minute. */
const HOUSEHOLDS = 150;
/** Ballots sent before measuring: connections opened, code compiled. */
const WARM_UP = 300;
const TARGET = { twoVsOne: 0.9, postgresVsSqlite: 0.8 };

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim() || 100);

/** CPU time (user + system) of process `pid` so far, ms; 0 once it has gone. */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the name: state is field 3, utime 14 and stime 15 (proc(5)).
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** The postmaster of the cluster at `url` and all its children, by pid. */
async function postgresPids(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query('SHOW data_directory');
  await client.end();
  const postmaster = Number(
    readFileSync(join(rows[0].data_directory, 'postmaster.pid'), 'utf8').split('\n')[0],
  );
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

/** CPU ms by pid of `pids`. */
const cpuOf = (pids) => new Map(pids.map((pid) => [pid, cpuMs(pid)]));
/** CPU spent since `before` by the processes now in `pids` (those started since count whole). */
const spentSince = (before, pids) => pids.reduce((sum, pid) => sum + cpuMs(pid) - (before.get(pid) ?? 0), 0);

async function run(label, processes, databaseUrl) {
  const servers = await startServerProcesses({
    processes,
    households: HOUSEHOLDS,
    ...(databaseUrl ? { databaseUrl } : {}),
  });
  try {
    const households = await signInAll(servers.endpoints, servers.households);
    const burst = (ballots) =>
      castBallots({
        endpoints: servers.endpoints,
        households,
        motion: MOTION,
        ballots,
        connections: CONNECTIONS,
      });
    const warm = await burst(WARM_UP);
    const nodePids = servers.servers.map((s) => s.process.pid);
    const pgPids = databaseUrl ? await postgresPids(databaseUrl) : [];
    const nodeBefore = cpuOf(nodePids);
    const pgBefore = cpuOf(pgPids);
    const loadBefore = process.cpuUsage();
    const measured = await burst(BALLOTS);
    const load = process.cpuUsage(loadBefore);
    const nodeCpu = spentSince(nodeBefore, nodePids);
    const pgCpu = databaseUrl ? spentSince(pgBefore, await postgresPids(databaseUrl)) : 0;
    await new Promise((r) => setTimeout(r, 500)); // the last notifications reach every process
    const answers = [...warm.answers, ...measured.answers];
    const ok = answers.filter((a) => a.status === 200);
    const log = await servers.log();
    const inLog = new Set(log.map((e) => e.hash));
    const heads = await Promise.all(servers.servers.map((_, i) => servers.view(i).then((v) => v.head.hash)));
    return {
      label,
      processes,
      perSecond: measured.perSecond,
      p50: percentile(
        measured.answers.map((a) => a.ms),
        50,
      ),
      p99: percentile(
        measured.answers.map((a) => a.ms),
        99,
      ),
      nodeCpuPerBallot: nodeCpu / BALLOTS,
      pgCpuPerBallot: pgCpu / BALLOTS,
      loadCpuPerBallot: (load.user + load.system) / 1000 / BALLOTS,
      exits: servers.exits.length,
      refused: answers.length - ok.length,
      refusals: tally(answers.filter((a) => a.status !== 200)),
      lost: ok.flatMap((a) => a.hashes).filter((h) => !inLog.has(h)).length,
      verifies: verify(log).ok,
      headsAgree: heads.every((h) => h === log.at(-1)?.hash),
    };
  } catch (e) {
    console.error(label, processes, e, servers.exits);
    return {
      label,
      processes,
      failed: e instanceof Error ? e.message.split('\n')[0] : String(e),
      exits: servers.exits,
    };
  } finally {
    await servers.stop();
  }
}

const results = [await run('SQLite (WAL, synchronous=FULL)', 1, undefined)];
const cluster = await startPostgres();
try {
  for (const processes of [1, 2, 3])
    results.push(
      await run(
        'PostgreSQL (fsync on)',
        processes,
        await createDatabase(cluster.url, `processes${processes}`),
      ),
    );
} finally {
  cluster.stop();
}

const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(2)} ms` : 'n/a');
console.log(
  `\nSeveral processes: ${BALLOTS} ballots by ${HOUSEHOLDS} signed-in households, round-robin over the processes on ${CONNECTIONS} connections, group commit on`,
);
console.table(
  results.map((r) =>
    r.failed
      ? { store: r.label, processes: r.processes, failed: r.failed, exits: r.exits?.length }
      : {
          store: r.label,
          processes: r.processes,
          'ballots/s': Math.round(r.perSecond),
          'p50 ms': Math.round(r.p50),
          'p99 ms': Math.round(r.p99),
          'Node CPU/ballot': ms(r.nodeCpuPerBallot),
          'PostgreSQL CPU/ballot': r.label.startsWith('PostgreSQL') ? ms(r.pgCpuPerBallot) : '',
          'load generator CPU/ballot': ms(r.loadCpuPerBallot),
          exits: r.exits,
          refused: r.refused,
          lost: r.lost,
          'log verifies': r.verifies,
          'heads agree': r.headsAgree,
        },
  ),
);
for (const r of results)
  if (r.refused) console.log(`${r.label}, ${r.processes}: refused ${JSON.stringify(r.refusals)}`);
const [sqlite, one, two, three] = results;
/** Throughput of `a` over `b`, and whether it reaches `target` (a floor: at or over 1 meets it). */
const against = (a, b, target) =>
  a?.perSecond && b?.perSecond
    ? [
        `${(a.perSecond / b.perSecond).toFixed(2)}×`,
        `≥ ${target}×`,
        `${(a.perSecond / b.perSecond / target).toFixed(2)}×`,
      ]
    : ['n/a', `≥ ${target}×`, 'n/a'];
printFigures('Throughput ratios (figure, target, figure over target: at or over 1.00× meets it)', [
  row('2 processes / 1 process (PostgreSQL)', ...against(two, one, TARGET.twoVsOne)),
  row('3 processes / 1 process (PostgreSQL)', ...against(three, one, TARGET.twoVsOne)),
  row('1 process: PostgreSQL / SQLite', ...against(one, sqlite, TARGET.postgresVsSqlite)),
]);
if (results.some((r) => r.failed || r.exits || r.refused || r.lost || !r.verifies || !r.headsAgree))
  process.exitCode = 1;
