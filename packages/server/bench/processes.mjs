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

/** Client connections to the database at `url` now (the servers' pools and LISTEN connections). */
async function connectionsTo(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND datname = current_database() AND pid <> pg_backend_pid()",
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/** CPU ms by pid of `pids`. */
const cpuOf = (pids) => new Map(pids.map((pid) => [pid, cpuMs(pid)]));
/** CPU spent since `before` by the processes now in `pids` (those started since count whole). */
const spentSince = (before, pids) => pids.reduce((sum, pid) => sum + cpuMs(pid) - (before.get(pid) ?? 0), 0);

/**
 * The processes of one run: one harness of `processes` round-robin, or with `affinity` one harness of
 * one process per community (`lane7`, `lane8`, …) on the same database, as a load balancer hashing
 * `/c/<id>` would route them. Households are signed in.
 */
async function startGroups(processes, databaseUrl, affinity) {
  const groups = [];
  const shared = { households: HOUSEHOLDS, ...(databaseUrl ? { databaseUrl } : {}) };
  try {
    if (!affinity) groups.push(await startServerProcesses({ ...shared, processes }));
    else
      for (let i = 0; i < processes; i++)
        groups.push(await startServerProcesses({ ...shared, processes: 1, community: `lane${7 + i}` }));
    return await Promise.all(
      groups.map(async (servers) => ({
        servers,
        households: await signInAll(servers.endpoints, servers.households),
      })),
    );
  } catch (e) {
    await Promise.all(groups.map((servers) => servers.stop()));
    throw e;
  }
}

/** `ballots` and the connections shared out over the groups, sent at once; answers and seconds. */
async function burst(groups, ballots) {
  const bursts = await Promise.all(
    groups.map(({ servers, households }) =>
      castBallots({
        endpoints: servers.endpoints,
        households,
        motion: MOTION,
        ballots: Math.round(ballots / groups.length),
        connections: Math.round(CONNECTIONS / groups.length),
      }),
    ),
  );
  const answers = bursts.flatMap((b) => b.answers);
  const seconds = Math.max(...bursts.map((b) => b.seconds));
  return { answers, perSecond: answers.filter((a) => a.status === 200).length / seconds };
}

/** Each group's log verifies, holds every acknowledged event, and every process has its head. */
async function checkLogs(groups, answers) {
  const ok = answers.filter((a) => a.status === 200);
  let verifies = true;
  let headsAgree = true;
  const inLogs = new Set();
  for (const { servers } of groups) {
    const log = await servers.log();
    for (const e of log) inLogs.add(e.hash);
    verifies &&= verify(log).ok;
    const heads = await Promise.all(servers.servers.map((_, i) => servers.view(i).then((v) => v.head.hash)));
    headsAgree &&= heads.every((h) => h === log.at(-1)?.hash);
  }
  const lost = ok.flatMap((a) => a.hashes).filter((h) => !inLogs.has(h)).length;
  return { lost, verifies, headsAgree, refused: answers.length - ok.length };
}

async function run(label, processes, databaseUrl, affinity = false) {
  let groups = [];
  const exits = () => groups.flatMap((g) => g.servers.exits);
  try {
    groups = await startGroups(processes, databaseUrl, affinity);
    const warm = await burst(groups, WARM_UP);
    const nodePids = groups.flatMap((g) => g.servers.servers.map((s) => s.process.pid));
    const pgPids = databaseUrl ? await postgresPids(databaseUrl) : [];
    const nodeBefore = cpuOf(nodePids);
    const pgBefore = cpuOf(pgPids);
    const loadBefore = process.cpuUsage();
    const measured = await burst(groups, BALLOTS);
    const load = process.cpuUsage(loadBefore);
    const nodeCpu = spentSince(nodeBefore, nodePids);
    const pgCpu = databaseUrl ? spentSince(pgBefore, await postgresPids(databaseUrl)) : 0;
    const connections = databaseUrl ? await connectionsTo(databaseUrl) : undefined;
    await new Promise((r) => setTimeout(r, 500)); // the last notifications reach every process
    const answers = [...warm.answers, ...measured.answers];
    const latencies = measured.answers.map((a) => a.ms);
    return {
      label,
      processes,
      perSecond: measured.perSecond,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      nodeCpuPerBallot: nodeCpu / BALLOTS,
      pgCpuPerBallot: pgCpu / BALLOTS,
      loadCpuPerBallot: (load.user + load.system) / 1000 / BALLOTS,
      connections,
      exits: exits().length,
      refusals: tally(answers.filter((a) => a.status !== 200)),
      ...(await checkLogs(groups, answers)),
    };
  } catch (e) {
    console.error(label, processes, e, exits());
    return {
      label,
      processes,
      failed: e instanceof Error ? e.message.split('\n')[0] : String(e),
      exits: exits(),
    };
  } finally {
    await Promise.all(groups.map((g) => g.servers.stop()));
  }
}

const results = [await run('SQLite (WAL, synchronous=FULL)', 1, undefined)];
const cluster = await startPostgres();
try {
  for (const processes of [1, 2, 3])
    results.push(
      await run('PostgreSQL, round-robin', processes, await createDatabase(cluster.url, `rr${processes}`)),
    );
  // The same two processes, each given one community of its own, as a balancer with affinity does.
  results.push(await run('PostgreSQL, affinity', 2, await createDatabase(cluster.url, 'affinity2'), true));
} finally {
  cluster.stop();
}

const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(2)} ms` : 'n/a');
console.log(
  `\nSeveral processes: ${BALLOTS} ballots by signed-in households over ${CONNECTIONS} connections, group commit on (round-robin: one community of ${HOUSEHOLDS} households, ballots spread over the processes in turn; affinity: a community of ${HOUSEHOLDS} per process, each process sent only its own)`,
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
          'PostgreSQL CPU/ballot': r.connections === undefined ? '' : ms(r.pgCpuPerBallot),
          'load generator CPU/ballot': ms(r.loadCpuPerBallot),
          'database connections': r.connections ?? '',
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
const [sqlite, one, two, three, twoWithAffinity] = results;
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
  row('2 processes with affinity / 1 process', ...against(twoWithAffinity, one, TARGET.twoVsOne)),
  row('1 process: PostgreSQL / SQLite', ...against(one, sqlite, TARGET.postgresVsSqlite)),
]);
if (results.some((r) => r.failed || r.exits || r.refused || r.lost || !r.verifies || !r.headsAgree))
  process.exitCode = 1;
