import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../testing/run-server.js';

const CLI = fileURLToPath(new URL('../../dist/cli/start.js', import.meta.url));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'linli-attachments-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: readonly string[], env: Record<string, string>) {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, DATABASE_URL: '', LINLI_CHECKPOINT_FILE: '', ...env },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const receipt = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...Buffer.from('a photo of a receipt')]);
const invoice = new Uint8Array(Buffer.from('%PDF-1.4\n代开发票\n%%EOF\n'));
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function upload(server: RunningServer, bytes: Uint8Array, type: string) {
  const response = await fetch(`${server.base}/c/xfkl/attachments`, {
    method: 'POST',
    headers: { 'content-type': type, authorization: `Bearer ${server.organizer}` },
    body: new Uint8Array(bytes),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function expense(server: RunningServer, sha256: string) {
  const response = await fetch(`${server.base}/c/xfkl/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.organizer}` },
    body: JSON.stringify({
      command: {
        type: 'fund.expense',
        fundId: 'upkeep',
        amount: 30_000,
        receipt: 'R-2026-17',
        description: '电梯维保 十一月',
        attachments: [{ sha256, type: 'image/jpeg', size: receipt.length, name: '收据.jpg' }],
      },
    }),
  });
  return response.status;
}

/** Runs `edit` on the community's SQLite file (the server is stopped). */
function editDatabase(data: string, edit: (db: Database.Database) => void) {
  const db = new Database(join(data, 'linli.sqlite'));
  try {
    edit(db);
  } finally {
    db.close();
  }
}

describe('attachments through the real server process, backup, restore and verify', () => {
  let data: string;
  let file: string;
  let publicKey: string;

  it('uploads over HTTP (size-limited by LINLI_ATTACHMENT_MAX_BYTES), names the hash in an expense, refuses an unheld one', async () => {
    data = join(dir, 'data');
    const server = await startServer(data, { LINLI_ATTACHMENT_MAX_BYTES: '4096' });
    try {
      expect(await expense(server, sha(receipt))).toBe(400); // not uploaded yet
      expect(await upload(server, receipt, 'image/jpeg')).toEqual({
        status: 201,
        body: { sha256: sha(receipt), size: receipt.length, type: 'image/jpeg' },
      });
      expect((await upload(server, invoice, 'image/jpeg')).body.type).toBe('application/pdf');
      const big = new Uint8Array(4097);
      big.set(receipt);
      expect(await upload(server, big, 'image/jpeg')).toMatchObject({
        status: 413,
        body: { error: { code: 'attachment.too_large' } },
      });
      expect(await expense(server, sha(receipt))).toBe(200);
      const got = await fetch(`${server.base}/c/xfkl/attachments/${sha(receipt)}`, {
        headers: { authorization: `Bearer ${server.organizer}` },
      });
      expect(new Uint8Array(await got.arrayBuffer())).toEqual(receipt);
      expect((await fetch(`${server.base}/c/xfkl/attachments/${sha(receipt)}`)).status).toBe(401);
    } finally {
      await server.stop();
    }
  });

  it('verifies the blobs, backs them up with the log, and restores both elsewhere', async () => {
    const verified = cli(['verify', 'xfkl'], { LINLI_DATA: data });
    expect(verified.stderr).toBe('');
    expect(verified.stdout).toContain('verified 2 attachments of xfkl');
    publicKey = /public key\s+(\S+)/.exec(verified.stdout)?.[1] ?? '';
    file = join(dir, 'xfkl.json');
    expect(cli(['backup', 'xfkl', file], { LINLI_DATA: data }).stdout).toContain('backed up 2 attachments');
    const backup = JSON.parse(readFileSync(file, 'utf8')) as { blobs: { sha256: string }[] };
    expect(backup.blobs.map((b) => b.sha256).sort()).toEqual([sha(receipt), sha(invoice)].sort());

    const other = join(dir, 'restored');
    const restored = cli(['restore', 'xfkl', file], { LINLI_DATA: other, LINLI_PUBLIC_KEY: publicKey });
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toContain('restored 2 attachments into xfkl');
    expect(cli(['verify', 'xfkl'], { LINLI_DATA: other }).status).toBe(0);
    const server = await startServer(other);
    try {
      const got = await fetch(`${server.base}/c/xfkl/attachments/${sha(invoice)}`, {
        headers: { authorization: `Bearer ${server.organizer}` },
      });
      expect(got.headers.get('content-type')).toBe('application/pdf');
      expect(new Uint8Array(await got.arrayBuffer())).toEqual(invoice);
    } finally {
      await server.stop();
    }
  });

  it('refuses to restore a backup with a corrupted or a missing blob, restoring nothing', () => {
    const backup = JSON.parse(readFileSync(file, 'utf8')) as { blobs: { sha256: string; bytes: string }[] };
    const corrupted = structuredClone(backup);
    for (const blob of corrupted.blobs)
      if (blob.sha256 === sha(receipt)) blob.bytes = Buffer.from('x').toString('base64');
    const withoutReceipt = { ...backup, blobs: backup.blobs.filter((b) => b.sha256 !== sha(receipt)) };
    for (const [name, edited, problem] of [
      ['corrupt', corrupted, 'its bytes do not hash to its name'],
      ['missing', withoutReceipt, 'named by the log but not in the backup'],
    ] as const) {
      const bad = join(dir, `${name}.json`);
      writeFileSync(bad, JSON.stringify(edited));
      const target = join(dir, `refused-${name}`);
      const refused = cli(['restore', 'xfkl', bad], { LINLI_DATA: target, LINLI_PUBLIC_KEY: publicKey });
      expect(refused.status).toBe(1);
      const lines = refused.stderr.trim().split('\n');
      expect(lines[0]).toContain(`blob ${sha(receipt)}: ${problem}`);
      // One line per problem (a corrupt blob also leaves the log's hash without its bytes), then the verdict.
      expect(lines.slice(0, -1).every((line) => line.startsWith(`linli: ${bad}: blob `))).toBe(true);
      expect(lines.at(-1)).toMatch(/attachment problem\(s\), nothing restored$/);
      expect(cli(['verify', 'xfkl'], { LINLI_DATA: target }).status).toBe(1); // no community there
    }
  });

  it('names a corrupted blob and a missing one, one line each, with exit code 1', () => {
    editDatabase(data, (db) => {
      db.prepare('UPDATE blobs SET bytes = ? WHERE sha256 = ?').run(Buffer.from('%PDF-rot'), sha(invoice));
    });
    const corrupt = cli(['verify', 'xfkl'], { LINLI_DATA: data });
    expect(corrupt.status).toBe(1);
    expect(corrupt.stderr).toContain(
      `linli: xfkl: blob ${sha(invoice)}: corrupt, its bytes hash to ${sha(new Uint8Array(Buffer.from('%PDF-rot')))}`,
    );
    editDatabase(data, (db) => {
      db.prepare('DELETE FROM blobs WHERE sha256 = ?').run(sha(receipt));
    });
    const both = cli(['verify', 'xfkl'], { LINLI_DATA: data });
    expect(both.status).toBe(1);
    const lines = both.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringContaining(`blob ${sha(invoice)}: corrupt`),
      expect.stringMatching(new RegExp(`blob ${sha(receipt)}: missing, named by event \\d+$`)),
      'linli: 2 attachment problem(s) in xfkl',
    ]);
  });
});

describe('LINLI_RESTORE at start', () => {
  it('restores the blobs of a linli-server backup with the log', async () => {
    const source = join(dir, 'start-source');
    const first = await startServer(source);
    try {
      expect((await upload(first, receipt, 'image/jpeg')).status).toBe(201);
      expect(await expense(first, sha(receipt))).toBe(200);
    } finally {
      await first.stop();
    }
    const verified = cli(['verify', 'xfkl'], { LINLI_DATA: source });
    const key = /public key\s+(\S+)/.exec(verified.stdout)?.[1] ?? '';
    const file = join(dir, 'start-backup.json');
    expect(cli(['backup', 'xfkl', file], { LINLI_DATA: source }).status).toBe(0);
    const target = join(dir, 'start-target');
    const server = await startServer(target, { LINLI_RESTORE: file, LINLI_PUBLIC_KEY: key });
    try {
      const got = await fetch(`${server.base}/c/xfkl/attachments/${sha(receipt)}`, {
        headers: { authorization: `Bearer ${server.organizer}` },
      });
      expect(new Uint8Array(await got.arrayBuffer())).toEqual(receipt);
    } finally {
      await server.stop();
    }
    expect(cli(['verify', 'xfkl'], { LINLI_DATA: target }).stdout).toContain(
      'verified 1 attachments of xfkl',
    );
  });
});
