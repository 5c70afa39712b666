// Load benchmark (loopback only, bounded in time and count): ballot commands/s with latency
// percentiles through the real `linli-server` process, then 1,000 SSE subscribers receiving one event —
// against SQLite and against a throwaway PostgreSQL cluster, side by side. Lost or duplicated events
// are counted from the log afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verify } from '@linli/core';
import autocannon from 'autocannon';
import { startPostgres } from '../dist/testing/postgres-cluster.js';
import { startServer } from '../dist/testing/run-server.js';

// A fixed count, not a duration: every request's answer is counted, so the log can be checked exactly.
const REQUESTS = Number(process.env.LOAD_REQUESTS ?? 30000);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 32);
const SUBSCRIBERS = Number(process.env.LOAD_SUBSCRIBERS ?? 1000);
const VOTERS = ['o101', 'o102', 'o201', 'o202', 'o301', 'o302', 'o402', 'o-wang', 'o601', 'developer'];

const events = async (base) => (await (await fetch(`${base}/c/xfkl/events`)).json()).events;

async function ballots(server) {
  const before = (await events(server.base)).length;
  let n = 0;
  const result = await autocannon({
    url: `${server.base}/c/xfkl/commands`,
    connections: CONNECTIONS,
    amount: REQUESTS,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.organizer}` },
    // Every request a different ballot (voter and vote rotate), so each 200 is one appended event.
    setupClient: (client) =>
      client.setBody(
        JSON.stringify({ command: { type: 'ballot.cast', motionId: 'lift', voterId: 'o101', vote: 'yes' } }),
      ),
    requests: [
      {
        setupRequest: (request) => {
          n += 1;
          const command = {
            type: 'ballot.cast',
            motionId: 'lift',
            voterId: VOTERS[n % VOTERS.length],
            vote: n % 3 ? 'yes' : 'no',
          };
          return { ...request, body: JSON.stringify({ command }) };
        },
      },
    ],
  });
  const log = await events(server.base);
  const appended = log.length - before;
  return {
    perSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    refused: result.non2xx + result.errors,
    lostOrDuplicated: Math.abs(appended - result['2xx']),
    verifies: verify(log).ok,
  };
}

async function subscribers(server) {
  const seq = (await events(server.base)).length;
  const received = [];
  const aborts = [];
  const started = [];
  for (let i = 0; i < SUBSCRIBERS; i += 1) {
    const abort = new AbortController();
    aborts.push(abort);
    started.push(
      fetch(`${server.base}/c/xfkl/stream?after=${seq}`, { signal: abort.signal }).then(async (response) => {
        const reader = response.body.getReader();
        let text = '';
        while (!text.includes('"ballot.cast"')) {
          const { done, value } = await reader.read();
          if (done) return;
          text += new TextDecoder().decode(value);
        }
        received.push(performance.now());
      }),
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 1500)); // let every stream connect
  const sent = performance.now();
  await fetch(`${server.base}/c/xfkl/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.organizer}` },
    body: JSON.stringify({
      command: { type: 'ballot.cast', motionId: 'lift', voterId: 'o102', vote: 'yes' },
    }),
  });
  const deadline = Date.now() + 10_000;
  while (received.length < SUBSCRIBERS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  for (const a of aborts) a.abort();
  await Promise.allSettled(started);
  return {
    received: received.length,
    allWithinMs: received.length ? Math.round(Math.max(...received) - sent) : Number.NaN,
  };
}

async function run(label, env) {
  const dir = mkdtempSync(join(tmpdir(), 'linli-load-'));
  const server = await startServer(dir, env);
  try {
    return { label, ...(await ballots(server)), ...(await subscribers(server)) };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const results = [await run('SQLite (WAL, synchronous=FULL)', {})];
let pg;
try {
  pg = await startPostgres();
  results.push(await run('PostgreSQL (fsync on)', { DATABASE_URL: pg.url }));
} catch (e) {
  console.warn(`PostgreSQL skipped: ${e.message}`);
} finally {
  pg?.stop();
}

console.log(
  `\nLoad: ${REQUESTS} ballot commands over ${CONNECTIONS} connections, then ${SUBSCRIBERS} SSE subscribers`,
);
console.table(
  results.map((r) => ({
    store: r.label,
    'ballots/s (≥ 2000)': Math.round(r.perSecond),
    'p50 ms': r.p50,
    'p99 ms (≤ 50)': r.p99,
    refused: r.refused,
    'lost or duplicated': r.lostOrDuplicated,
    'log verifies': r.verifies,
    [`SSE received (of ${SUBSCRIBERS})`]: r.received,
    'all received within ms': r.allWithinMs,
  })),
);
if (results.length === 2) {
  const [sqlite, postgres] = results;
  console.log(`PostgreSQL / SQLite throughput ratio: ${(postgres.perSecond / sqlite.perSecond).toFixed(2)}×`);
}
