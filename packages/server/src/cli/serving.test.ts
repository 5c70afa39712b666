import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verify } from '@linli/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../stores/sqlite-store.js';
import { freePort, type RunningServer, startServer } from '../testing/run-server.js';

let dir: string;
const running: RunningServer[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'linli-serving-'));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const command = (server: RunningServer, body: unknown) =>
  fetch(`${server.base}/c/xfkl/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.organizer}` },
    body: JSON.stringify({ command: body }),
  });

describe('one serving process per data folder', () => {
  it('refuses a second server on the same folder with one clear line, and the first keeps its token', async () => {
    const data = join(dir, 'second');
    const first = await startServer(data);
    running.push(first);
    const second = startServer(data);
    const refusal = await second.then(
      () => '',
      (e: Error) => e.message,
    );
    expect(refusal).toMatch(/^server exited \(1\): /);
    const printed = refusal.replace(/^server exited \(1\): /, '').trim();
    expect(printed).toBe(
      `linli: ${data} is already served by process ${first.process.pid}; stop it first, or set LINLI_DATA to another folder`,
    );
    // The first still serves, with the token it printed (the second never rotated it).
    expect(
      (
        await command(first, {
          type: 'ballot.cast',
          motionId: 'lift',
          voterId: 'o102',
          vote: 'no',
          paperRef: 'P-1',
        })
      ).status,
    ).toBe(200);
  });

  it('lets an administrative command read and append the log while the server runs', async () => {
    const data = join(dir, 'admin');
    const server = await startServer(data);
    running.push(server);
    const admin = SqliteStore.open(join(data, 'linli.sqlite'), 'xfkl');
    const log = await admin.read();
    expect(log).toEqual(await server.log());
    const appended = await admin.append(
      [
        {
          at: new Date().toISOString(),
          actor: 'admin',
          type: 'building.added',
          payload: { buildingId: 'b97', name: '97号楼' },
        },
      ],
      { expectedSeq: log.length },
    );
    expect(appended.ok).toBe(true);
    admin.close();
    // The server's next write finds the admin's event, decides again on top of it, and lands after it.
    expect((await command(server, { type: 'building.add', name: '98号楼' })).status).toBe(200);
    const after = await server.log();
    expect(after.map((e) => e.type).slice(-2)).toEqual(['building.added', 'building.added']);
    expect(verify(after)).toMatchObject({ ok: true });
  });

  it('lets exactly one of two simultaneous first starts serve; the other exits cleanly, nothing is seeded twice', async () => {
    const data = join(dir, 'race');
    const starts = await Promise.allSettled([startServer(data), startServer(data)]);
    const served = starts.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    running.push(...served);
    expect(served).toHaveLength(1);
    const refused = starts.find((s) => s.status === 'rejected');
    const reason = refused?.status === 'rejected' ? String(refused.reason) : '';
    expect(reason).toMatch(
      /server exited \(1\): linli: .* is already served by (process \d+|another process)/,
    );
    expect(reason).not.toMatch(/\n\s+at /); // no stack trace
    const winner = served[0] as RunningServer;
    expect(winner.output).toContain('(created and seeded)');
    const log = await winner.log();
    expect(verify(log)).toMatchObject({ ok: true });
    expect(log.filter((e) => e.type === 'community.founded')).toHaveLength(1);
  });
});

describe('starting the server', () => {
  it('prints one line, not a stack trace, when its port is in use', async () => {
    const port = await freePort();
    const squatter = createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => squatter.once('listening', resolve));
    const failed = await startServer(join(dir, 'busy'), { PORT: String(port) }).then(
      () => '',
      (e: Error) => e.message,
    );
    await new Promise((resolve) => squatter.close(resolve));
    expect(failed).toBe(`server exited (1): port ${port} is in use; set PORT\n`);
  });

  it('lets the organizer signed in with the printed token close the seeded motions early', async () => {
    const server = await startServer(join(dir, 'organizer'));
    running.push(server);
    const closed = await command(server, { type: 'motion.close', motionId: 'lift' });
    expect(closed.status).toBe(200);
    const { events } = (await closed.json()) as { events: { type: string; payload: { early: boolean } }[] };
    expect(events[0]).toMatchObject({ type: 'motion.closed', payload: { early: true } });
  });
});
