import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteAuthStore } from '../auth/sqlite-auth-store.js';
import { leaseSqlite } from './shared-sqlite.js';
import { SqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'linli-shared-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const draft = { at: '2026-11-30T00:00:00.000Z', actor: 'a', type: 'x', payload: {} };

describe('leaseSqlite', () => {
  it('shares one connection per file, sets each kind up once, and closes it with the last lease', () => {
    const path = join(dir, 'lease.sqlite');
    let setUps = 0;
    const setUp = () => {
      setUps += 1;
    };
    const a = leaseSqlite(path, 'events', setUp);
    const b = leaseSqlite(path, 'events', setUp);
    expect(b.db).toBe(a.db);
    expect(setUps).toBe(1);
    a.release();
    a.release(); // a second release must not close the connection under b
    expect(b.db.open).toBe(true);
    b.release();
    expect(b.db.open).toBe(false);
    const c = leaseSqlite(path, 'events', setUp);
    expect(c.db).not.toBe(a.db);
    expect(setUps).toBe(2);
    c.release();
  });

  it('never shares :memory:, and takes no lease when the set-up fails', () => {
    const a = leaseSqlite(':memory:', 'events', () => undefined);
    const b = leaseSqlite(':memory:', 'events', () => undefined);
    expect(b.db).not.toBe(a.db);
    a.release();
    b.release();
    const path = join(dir, 'failing.sqlite');
    const kept = leaseSqlite(path, 'events', () => undefined);
    expect(() =>
      leaseSqlite(path, 'auth', () => {
        throw new Error('too new');
      }),
    ).toThrow('too new');
    expect(kept.db.open).toBe(true);
    kept.release();
    expect(kept.db.open).toBe(false);
  });
});

describe('stores of many communities in one file', () => {
  it('keep their logs and sign-ins apart on one connection, and one closing leaves the others working', async () => {
    const events = join(dir, 'linli.sqlite');
    const auth = join(dir, 'auth.sqlite');
    const stores = ['c1', 'c2', 'c3'].map((c) => SqliteStore.open(events, c));
    const sessions = ['c1', 'c2'].map((c) => SqliteAuthStore.open(auth, c));
    for (const [i, store] of stores.entries())
      await store.append(
        Array.from({ length: i + 1 }, () => draft),
        { expectedSeq: 0 },
      );
    stores[0]?.close();
    sessions[0]?.close();
    expect((await stores[1]?.read())?.length).toBe(2);
    expect((await stores[2]?.append([draft], { expectedSeq: 3 }))?.ok).toBe(true);
    const token = await sessions[1]?.issueOrganizerToken();
    expect(await sessions[1]?.principal(token ?? '')).toMatchObject({ kind: 'organizer' });
    const reopened = SqliteStore.open(events, 'c1');
    expect((await reopened.read()).length).toBe(1);
    for (const store of [reopened, stores[1], stores[2]]) store?.close();
    await sessions[1]?.close();
  });
});
