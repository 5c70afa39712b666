import { verify } from '@linli/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BallotAnswer, castBallots, signInAll, tally } from '../testing/ballot-load.js';
import { createDatabase, startPostgres } from '../testing/postgres-cluster.js';
import { MOTION, type ServerProcesses, startServerProcesses } from '../testing/server-processes.js';

let cluster: { url: string; stop: () => void };
let n = 0;
let running: ServerProcesses | undefined;
beforeAll(async () => {
  cluster = await startPostgres();
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
});
afterAll(() => cluster?.stop());

/**
 * N processes on a fresh database, group commit on (the default), households signed in: few enough
 * that signing in (scrypt) is quick, enough that none passes its 60 commands a minute.
 */
async function processes(count: number, households: number) {
  running = await startServerProcesses({
    processes: count,
    households,
    databaseUrl: await createDatabase(cluster.url, `processes${n++}`),
  });
  return { cluster: running, signedIn: await signInAll(running.endpoints, running.households) };
}

const accepted = (answers: readonly BallotAnswer[]) => answers.filter((a) => a.status === 200);

describe('several linli-server processes on one PostgreSQL, group commit on', () => {
  it('the crash reproduction: 2 processes, 16 connections, 600 ballots — no process exits', async () => {
    const { cluster: servers, signedIn } = await processes(2, 12);
    const burst = await castBallots({
      endpoints: servers.endpoints,
      households: signedIn,
      motion: MOTION,
      ballots: 600,
      connections: 16,
    });
    // A moment for any notification still on its way to be folded in (where the crash was).
    await new Promise((r) => setTimeout(r, 500));
    expect(servers.exits).toEqual([]);
    expect(tally(burst.answers)).toEqual({ 200: 600 });
  }, 60_000);

  it('acceptance: 3 processes take a round-robin burst with 0 exits, 0 refused, one head and view everywhere, a log that verifies', async () => {
    const { cluster: servers, signedIn } = await processes(3, 12);
    const burst = await castBallots({
      endpoints: servers.endpoints,
      households: signedIn,
      motion: MOTION,
      ballots: 600,
      connections: 24,
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(servers.exits).toEqual([]);
    expect(tally(burst.answers)).toEqual({ 200: 600 });

    const log = await servers.log();
    expect(verify(log).ok).toBe(true);
    // Every acknowledged ballot is in the log, once.
    const inLog = new Set(log.map((e) => e.hash));
    const acknowledged = accepted(burst.answers).flatMap((a) => a.hashes);
    expect(acknowledged.length).toBe(600);
    expect(acknowledged.filter((h) => !inLog.has(h))).toEqual([]);
    expect(new Set(acknowledged).size).toBe(acknowledged.length);

    // Each process has heard the others' events: the same head and the same view on all three.
    const head = log.at(-1);
    const views = await Promise.all([0, 1, 2].map((i) => servers.view(i)));
    for (const view of views) expect(view.head).toEqual({ seq: head?.seq, hash: head?.hash });
    expect(views[1]).toEqual(views[0]);
    expect(views[2]).toEqual(views[0]);
    // And the operator's own check of the chain against the signed head passes.
    expect(servers.cli(['verify', 'lane7']).status).toBe(0);
  }, 60_000);
});
