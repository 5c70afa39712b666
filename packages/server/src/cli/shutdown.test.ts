import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoggedEvent } from '@linli/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../stores/sqlite-store.js';
import { freePort, startServer } from '../testing/run-server.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'linli-shutdown-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The exit code, once the process has exited and its output is read. */
const exited = (child: ReturnType<typeof spawn>) =>
  new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));

/**
 * A command whose body arrives in two parts, `pause` ms apart: the server has accepted it and is still
 * reading it when the signal comes. Resolves with its status and the events it acknowledged.
 */
function slowCommand(base: string, token: string, body: unknown, pause: Promise<void>) {
  const text = JSON.stringify(body);
  return new Promise<{ status: number; events: LoggedEvent[] }>((resolve, reject) => {
    const sending = request(`${base}/c/xfkl/commands`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
        authorization: `Bearer ${token}`,
      },
    });
    sending.on('response', (response) => {
      let answer = '';
      response.on('data', (chunk: Buffer) => {
        answer += chunk.toString();
      });
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          events: (JSON.parse(answer) as { events?: LoggedEvent[] }).events ?? [],
        }),
      );
    });
    sending.on('error', reject);
    sending.write(text.slice(0, 10));
    void pause.then(() => sending.end(text.slice(10)));
  });
}

describe('stopping linli-server', () => {
  it('on SIGTERM mid-burst keeps every acknowledged command, flushes the checkpoint and exits 0', async () => {
    const data = join(dir, 'burst');
    const server = await startServer(data);
    const acknowledged: LoggedEvent[] = [];
    const failures: string[] = [];
    let answered = 0;
    let signalled = false;
    const burst = Array.from({ length: 120 }, async (_, i) => {
      try {
        const response = await fetch(`${server.base}/c/xfkl/commands`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${server.organizer}` },
          body: JSON.stringify({
            command: {
              type: 'ballot.cast',
              motionId: 'lift',
              voterId: 'o102',
              vote: i % 2 ? 'yes' : 'no',
              paperRef: `P-${i}`,
            },
          }),
        });
        if (response.status === 200)
          acknowledged.push(...((await response.json()) as { events: LoggedEvent[] }).events);
      } catch (e) {
        failures.push((e as { cause?: { code?: string } }).cause?.code ?? String(e));
      }
      answered += 1;
      if (answered === 10 && !signalled) {
        signalled = true;
        server.process.kill('SIGTERM');
      }
    });
    let resume = () => {};
    const pause = new Promise<void>((resolve) => {
      resume = resolve;
    });
    const slow = ['S-1', 'S-2'].map((paperRef) =>
      slowCommand(
        server.base,
        server.organizer,
        {
          command: { type: 'ballot.cast', motionId: 'lift', voterId: 'o102', vote: 'yes', paperRef },
        },
        pause,
      ),
    );
    const code = exited(server.process);
    await Promise.all(burst);
    // Half-sent when the signal came: the server finishes reading them, commits and answers.
    setTimeout(resume, 300);
    const slowAnswers = await Promise.all(slow);
    expect(slowAnswers.map((answer) => answer.status)).toEqual([200, 200]);
    for (const answer of slowAnswers) acknowledged.push(...answer.events);
    expect(await code).toBe(0);
    expect(signalled).toBe(true);
    // Requests still queued in the kernel when the door closed are refused or reset, never answered
    // (the client may retry them with their idempotency key); what was answered is kept below.
    expect(failures.every((failure) => failure === 'ECONNREFUSED' || failure === 'ECONNRESET')).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(10);
    const store = SqliteStore.open(join(data, 'linli.sqlite'), 'xfkl');
    try {
      const log = await store.read();
      const kept = new Map(log.map((event) => [event.seq, event.hash]));
      for (const event of acknowledged) expect(kept.get(event.seq)).toBe(event.hash);
      const checkpoint = JSON.parse(readFileSync(join(data, 'checkpoint.json'), 'utf8')) as { seq: number };
      expect(checkpoint.seq).toBe(log.at(-1)?.seq);
    } finally {
      await store.close();
    }
  });

  it('says in one line, without a stack trace, that the data folder may not be written', async () => {
    const parent = join(dir, 'locked');
    mkdirSync(parent);
    chmodSync(dir, 0o755);
    chmodSync(parent, 0o555);
    const data = join(parent, 'data');
    // As root every permission is granted, so the server runs as nobody there.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const child = spawn(
      process.execPath,
      [fileURLToPath(new URL('../../dist/cli/start.js', import.meta.url))],
      {
        env: {
          ...process.env,
          DATABASE_URL: '',
          LINLI_DATA: data,
          PORT: String(await freePort()),
          HOST: '127.0.0.1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        ...asNobody,
      },
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    expect(await exited(child)).toBe(1);
    expect(output.trim()).toBe(
      `linli: cannot use the data folder ${data} (EACCES): give this user write permission, or set LINLI_DATA to another folder`,
    );
  });
});
