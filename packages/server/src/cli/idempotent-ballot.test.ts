import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAll } from '../testing/ballot-load.js';
import { createDatabase, startPostgres } from '../testing/postgres-cluster.js';
import { MOTION, type ServerProcesses, startServerProcesses } from '../testing/server-processes.js';

let cluster: { url: string; stop: () => void };
let running: ServerProcesses | undefined;
beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(async () => {
  await running?.stop();
  cluster?.stop();
});

describe("a household's queued ballot resent to two linli-server processes on one PostgreSQL", () => {
  it('is recorded once, and every copy, on either process, gets the first answer', async () => {
    running = await startServerProcesses({
      processes: 2,
      households: 2,
      databaseUrl: await createDatabase(cluster.url, 'idempotent_ballot'),
    });
    const [household, neighbour] = await signInAll(running.endpoints, running.households);
    if (!household || !neighbour) throw new Error('no households');
    const send = (endpoint: string, token: string, voterId: string, key: string) =>
      fetch(`${endpoint}/commands`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'idempotency-key': key,
          'x-forwarded-for': household.address,
        },
        body: JSON.stringify({ command: { type: 'ballot.cast', motionId: MOTION, voterId, vote: 'yes' } }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as unknown }));
    const before = (await running.log()).length;
    // A phone on a bad line: the same ballot (one key) reaches both processes, several times, at once.
    const copies = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        send(running?.endpoints[i % 2] ?? '', household.token, household.voter, 'queued-ballot-1'),
      ),
    );
    expect(copies.map((c) => c.status)).toEqual([200, 200, 200, 200, 200, 200]);
    // The same event (seq, hash), whichever process answered (JSONB may order its keys otherwise).
    for (const copy of copies) expect(copy.body).toEqual(copies[0]?.body);
    const log = await running.log();
    expect(log.length).toBe(before + 1);
    expect(log.filter((e) => e.type === 'ballot.cast')).toHaveLength(1);
    // Keys are the signer's own: the neighbour's ballot under the same key is its own request.
    const other = await send(running.endpoints[1] ?? '', neighbour.token, neighbour.voter, 'queued-ballot-1');
    expect(other.status).toBe(200);
    expect(other.body).not.toEqual(copies[0]?.body);
    expect((await running.log()).filter((e) => e.type === 'ballot.cast')).toHaveLength(2);
    // Resent later (the next page load), to the other process: still the first answer, nothing new.
    const later = await send(running.endpoints[1] ?? '', household.token, household.voter, 'queued-ballot-1');
    expect(later.body).toEqual(copies[0]?.body);
    expect((await running.log()).length).toBe(before + 2);
    expect(running.exits).toEqual([]);
  });
});
