import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  draftOf,
  headOf,
  type LoggedEvent,
  type PublishedView,
  type SignedCheckpoint,
  sealEvents,
  verifyCheckpoint,
} from '@linli/core';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type EventRow, eventFromRow, eventRow } from '../stores/sqlite-store.js';
import { type RunningServer, startServer } from '../testing/run-server.js';

let dir: string;
const running: RunningServer[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'linli-trust-'));
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts a server on `data`, records its log and published checkpoint, and stops it. */
async function runOnce(data: string, env: Record<string, string> = {}) {
  const server = await startServer(data, env);
  running.push(server);
  const log = await server.log();
  const view = (await (await fetch(`${server.base}/c/xfkl/view`)).json()) as PublishedView;
  const backup = await (
    await fetch(`${server.base}/c/xfkl/events`, { headers: { authorization: `Bearer ${server.organizer}` } })
  ).text();
  await server.stop();
  return { log, view, backup, output: server.output };
}

/** What someone holding only the database file can do: rewrite rows, re-seal them, delete them. */
function rewrite(data: string, change: (rows: LoggedEvent[]) => LoggedEvent[]) {
  const db = new Database(join(data, 'linli.sqlite'));
  const rows = db.prepare<[], EventRow>('SELECT * FROM events ORDER BY seq').all();
  const events = rows.map(eventFromRow);
  const changed = change(events);
  db.prepare('DELETE FROM events').run();
  const insert = db.prepare(
    'INSERT INTO events (community, seq, at, actor, type, payload, prev_hash, hash, salt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const e of changed) insert.run(...eventRow('xfkl', e));
  db.close();
}

/** A ballot changed; with `rehash`, every later event re-sealed so the chain holds again. */
const forgeBallot =
  (rehash: boolean) =>
  (events: LoggedEvent[]): LoggedEvent[] => {
    const at = events.findIndex((e) => e.type === 'ballot.cast');
    const forged = { ...(events[at] as LoggedEvent), payload: { forged: true } };
    if (!rehash) return events.map((e, i) => (i === at ? forged : e));
    return [
      ...events.slice(0, at),
      ...sealEvents([forged, ...events.slice(at + 1)].map(draftOf), headOf(events.slice(0, at))),
    ];
  };

describe('checkpoints: a log the server cannot be made to serve rewritten', () => {
  it('publishes a signed checkpoint of its head, with its key kept apart and private', async () => {
    const data = join(dir, 'publish');
    const { log, view, output } = await runOnce(data);
    const checkpoint = view.checkpoint as SignedCheckpoint;
    expect(checkpoint).toMatchObject({ community: 'xfkl', ...headOf(log) });
    expect(output).toContain(`signing    ${checkpoint.publicKey}`);
    expect(await verifyCheckpoint(checkpoint, { publicKey: checkpoint.publicKey, community: 'xfkl' })).toBe(
      true,
    );
    expect(statSync(join(data, 'signing-key.pem')).mode & 0o777).toBe(0o600);
    // Kept outside the database, and saved by the time the server stopped.
    expect(JSON.parse(readFileSync(join(data, 'checkpoint.json'), 'utf8'))).toEqual(checkpoint);
  });

  for (const [name, change, reason] of [
    ['an event rewritten in place', forgeBallot(false), 'edited'],
    ['an event rewritten and every later one re-hashed', forgeBallot(true), 'head-mismatch'],
    ['the log cut short', (events: LoggedEvent[]) => events.slice(0, -5), 'head-mismatch'],
  ] as const)
    it(`refuses to start on ${name} while it was down, naming the first bad seq`, async () => {
      const data = join(dir, name.replaceAll(' ', '-'));
      const { log } = await runOnce(data);
      rewrite(data, change);
      const ballot = log.findIndex((e) => e.type === 'ballot.cast') + 1;
      const seq = reason === 'edited' ? ballot : name.includes('short') ? log.length - 4 : log.length;
      await expect(startServer(data)).rejects.toThrow(
        `cannot start on this log: The log fails verification at seq ${seq} (${reason})`,
      );
    });

  it('restores on a new machine only a backup that holds the trusted head or checkpoint', async () => {
    const first = await runOnce(join(dir, 'origin'));
    const full = join(dir, 'full.json');
    writeFileSync(full, first.backup);
    const { events, checkpoint } = JSON.parse(first.backup) as {
      events: LoggedEvent[];
      checkpoint: SignedCheckpoint;
    };
    const short = join(dir, 'short.json');
    writeFileSync(short, JSON.stringify({ events: events.slice(0, -3) }));
    const rehashed = join(dir, 'rehashed.json');
    writeFileSync(rehashed, JSON.stringify({ events: forgeBallot(true)(events), checkpoint }));
    const trustedHead = `${checkpoint.seq}:${checkpoint.hash}`;
    const publicKey = checkpoint.publicKey;
    for (const [backup, env, reason] of [
      [short, { LINLI_TRUSTED_HEAD: trustedHead }, 'head-mismatch'],
      [rehashed, { LINLI_TRUSTED_HEAD: trustedHead }, 'head-mismatch'],
      [rehashed, { LINLI_PUBLIC_KEY: publicKey }, 'head-mismatch'],
      [full, {}, 'bad-checkpoint'], // the new machine's own key did not sign it
      [short, {}, 'nothing to check it against'],
    ] as const)
      await expect(
        startServer(join(dir, `new-${reason}-${Object.keys(env).join()}`), { LINLI_RESTORE: backup, ...env }),
      ).rejects.toThrow(reason);
    for (const env of [{ LINLI_TRUSTED_HEAD: trustedHead }, { LINLI_PUBLIC_KEY: publicKey }]) {
      const data = join(dir, `new-ok-${Object.keys(env).join()}`);
      const restored = await runOnce(data, { LINLI_RESTORE: full, ...env });
      expect(restored.output).toContain(`Restored ${events.length} events`);
      expect(restored.log).toEqual(events);
      // From now on this machine signs the restored log with its own key.
      expect(restored.view.checkpoint).toMatchObject({ seq: checkpoint.seq, hash: checkpoint.hash });
      expect(restored.view.checkpoint?.publicKey).not.toBe(publicKey);
    }
  });
});
