// Load benchmark (loopback only, bounded in time and count): ballot commands/s with latency
// percentiles through the real `linli-server` process, then 1,000 SSE subscribers receiving a burst of
// 20 ballots —
// against SQLite and against a throwaway PostgreSQL cluster, side by side. Lost or duplicated events
// are counted from the log afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verify } from '@linli/core';
import autocannon from 'autocannon';
import { createDatabase, startPostgres } from '../dist/testing/postgres-cluster.js';
import { startServer } from '../dist/testing/run-server.js';

// A fixed count, not a duration: every request's answer is counted, so the log can be checked exactly.
const REQUESTS = Number(process.env.LOAD_REQUESTS ?? 30000);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 32);
const SUBSCRIBERS = Number(process.env.LOAD_SUBSCRIBERS ?? 1000);
/** Ballots sent at once while the subscribers listen. */
const BURST = 20;
const VOTERS = ['o101', 'o102', 'o201', 'o202', 'o301', 'o302', 'o402', 'o-wang', 'o601', 'developer'];

async function ballots(server) {
  const before = (await server.log()).length;
  let n = 0;
  // Timed here, from the first request to the last answer: autocannon's own `duration` counts whole
  // seconds of its ticker, too coarse for a ratio.
  const started = performance.now();
  let lastAnswer = started;
  const result = await autocannon({
    url: `${server.base}/c/xfkl/commands`,
    connections: CONNECTIONS,
    amount: REQUESTS,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.organizer}` },
    // Every request a different ballot (voter and vote rotate), so each 200 is one appended event.
    setupClient: (client) =>
      client.setBody(
        JSON.stringify({
          command: { type: 'ballot.cast', motionId: 'lift', voterId: 'o101', vote: 'yes', paperRef: 'P-0' },
        }),
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
            paperRef: `P-${n}`,
          };
          return { ...request, body: JSON.stringify({ command }) };
        },
        onResponse: () => {
          lastAnswer = performance.now();
        },
      },
    ],
  });
  const seconds = (lastAnswer - started) / 1000;
  const log = await server.log();
  const appended = log.length - before;
  return {
    perSecond: result['2xx'] / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    refused: result.non2xx + result.errors,
    lostOrDuplicated: Math.abs(appended - result['2xx']),
    verifies: verify(log).ok,
  };
}

/** Reads an SSE response until `done(message)` says so; answers false if the stream ended first. */
async function readUntil(response, done) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done: ended, value } = await reader.read();
    if (ended) return false;
    buffer += decoder.decode(value, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const message = Object.fromEntries(
        buffer
          .slice(0, end)
          .split('\n')
          .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
      );
      buffer = buffer.slice(end + 2);
      if (done(message)) return true;
    }
  }
}

// Half the subscribers are the public (each new head, as the widgets hear it), half the organizer (whole
// events). A burst of ballots is sent at once; a public subscriber counts when it hears the final head
// with the log's hash, an organizer's when it has every new event exactly once.
async function subscribers(server) {
  const seq = (await server.log()).length;
  const last = seq + BURST;
  const received = [];
  let wrong = 0;
  const aborts = [];
  const started = [];
  for (let i = 0; i < SUBSCRIBERS; i += 1) {
    const abort = new AbortController();
    aborts.push(abort);
    const organizer = i % 2 === 1;
    const headers = organizer ? { authorization: `Bearer ${server.organizer}` } : {};
    const seen = new Map();
    let finalHash;
    started.push(
      fetch(`${server.base}/c/xfkl/stream?after=${seq}`, { signal: abort.signal, headers })
        .then((response) =>
          readUntil(response, (message) => {
            if (organizer && message.event === 'events')
              for (const e of JSON.parse(message.data)) seen.set(e.seq, (seen.get(e.seq) ?? 0) + 1);
            if (!organizer && message.event === 'head' && JSON.parse(message.data).seq >= last)
              finalHash = JSON.parse(message.data).hash;
            return organizer ? seen.size >= BURST : finalHash !== undefined;
          }),
        )
        .then((complete) => {
          if (!complete) return;
          received.push({ at: performance.now(), organizer, seen, finalHash });
        }),
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 1500)); // let every stream connect
  const sent = performance.now();
  await Promise.all(
    Array.from({ length: BURST }, (_, i) =>
      fetch(`${server.base}/c/xfkl/commands`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.organizer}` },
        body: JSON.stringify({
          command: {
            type: 'ballot.cast',
            motionId: 'lift',
            voterId: VOTERS[i % VOTERS.length],
            vote: 'yes',
            paperRef: `P-burst-${i}`,
          },
        }),
      }).then((r) => r.text()),
    ),
  );
  const deadline = Date.now() + 10_000;
  while (received.length < SUBSCRIBERS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  for (const a of aborts) a.abort();
  await Promise.allSettled(started);
  const log = await server.log();
  const truth = log[last - 1]?.hash;
  for (const r of received) {
    const exact = [...r.seen.entries()].every(([s, n]) => n === 1 && s > seq && s <= last);
    if (r.organizer ? !exact || r.seen.size !== BURST : r.finalHash !== truth) wrong += 1;
  }
  return {
    received: received.length - wrong,
    allWithinMs: received.length ? Math.round(Math.max(...received.map((r) => r.at)) - sent) : Number.NaN,
  };
}

async function run(label, commits, env) {
  const dir = mkdtempSync(join(tmpdir(), 'linli-load-'));
  const server = await startServer(dir, env);
  try {
    return { label, commits, ...(await ballots(server)), ...(await subscribers(server)) };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Each store twice: as `linli-server` runs (group commit) and with one commit per command, for the ratio.
const ONE_BY_ONE = { LINLI_GROUP_COMMIT: 'off' };
const results = [
  await run('SQLite (WAL, synchronous=FULL)', 'group commit', {}),
  await run('SQLite (WAL, synchronous=FULL)', 'one per command', ONE_BY_ONE),
];
let pg;
try {
  pg = await startPostgres();
  const url = (name) => createDatabase(pg.url, name);
  results.push(await run('PostgreSQL (fsync on)', 'group commit', { DATABASE_URL: await url('load_group') }));
  results.push(
    await run('PostgreSQL (fsync on)', 'one per command', {
      DATABASE_URL: await url('load_one'),
      ...ONE_BY_ONE,
    }),
  );
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
    commits: r.commits,
    'ballots/s (≥ 2000)': Math.round(r.perSecond),
    'p50 ms': r.p50,
    'p99 ms (≤ 50)': r.p99,
    refused: r.refused,
    'lost or duplicated': r.lostOrDuplicated,
    'log verifies': r.verifies,
    [`SSE subscribers with all ${BURST} (of ${SUBSCRIBERS})`]: r.received,
    'all received within ms': r.allWithinMs,
  })),
);
const ratio = (a, b) => (a && b ? `${(a.perSecond / b.perSecond).toFixed(2)}×` : 'n/a');
const [sqlite, sqliteOne, postgres, postgresOne] = results;
console.log(`PostgreSQL / SQLite throughput (group commit): ${ratio(postgres, sqlite)}`);
console.log(
  `Group commit / one commit per command: SQLite ${ratio(sqlite, sqliteOne)}, PostgreSQL ${ratio(postgres, postgresOne)}`,
);
