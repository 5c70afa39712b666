import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { castBallots, signInAll, tally } from '../testing/ballot-load.js';
import { createDatabase, startPostgres } from '../testing/postgres-cluster.js';
import { MOTION, type ServerProcesses, startServerProcesses } from '../testing/server-processes.js';

let cluster: { url: string; stop: () => void };
let running: ServerProcesses | undefined;
beforeAll(async () => {
  cluster = await startPostgres();
  running = await startServerProcesses({
    processes: 3,
    households: 4,
    databaseUrl: await createDatabase(cluster.url, 'limits'),
  });
});
afterEach(() => expect(running?.exits).toEqual([]));
afterAll(async () => {
  await running?.stop();
  cluster?.stop();
});

/**
 * Limits count in windows aligned to the minute (the database's clock): a test that straddles a
 * minute's end would see its counts restart, so it begins early in a minute.
 */
async function earlyInAMinute(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 20_000) await new Promise((r) => setTimeout(r, left + 200));
}

describe('rate limits hold across processes on one PostgreSQL', () => {
  it("one household's 61st command in a minute is refused whichever process it reaches", async () => {
    const servers = running as ServerProcesses;
    const [household] = await signInAll(servers.endpoints, servers.households.slice(0, 1));
    if (!household) throw new Error('no household signed in');
    await earlyInAMinute();
    // 60 ballots, 20 through each process: all within the household's limit.
    const allowed = await castBallots({
      endpoints: servers.endpoints,
      households: [household],
      motion: MOTION,
      ballots: 60,
      connections: 3,
    });
    expect(tally(allowed.answers)).toEqual({ 200: 60 });
    // The 61st, tried on each process in turn, is refused by every one of them.
    for (const endpoint of servers.endpoints) {
      const over = await castBallots({
        endpoints: [endpoint],
        households: [household],
        motion: MOTION,
        ballots: 1,
        connections: 1,
      });
      expect(tally(over.answers)).toEqual({ '429 auth.rate_limited': 1 });
    }
  });

  it("guesses at one household's code get 10 a minute in all, not 10 per process", async () => {
    const servers = running as ServerProcesses;
    const guess = (endpoint: string) =>
      fetch(`${endpoint}/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
        body: JSON.stringify({ code: 'WRONG-CODE' }),
      }).then((r) => r.status);
    const statuses: number[] = [];
    await earlyInAMinute();
    for (let i = 0; i < 12; i++) statuses.push(await guess(servers.endpoints[i % 3] ?? ''));
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
