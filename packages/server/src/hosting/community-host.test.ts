import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createGovernance, LinliException, linliError } from '@linli/core';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { TEST_IDLE_MS, type TestHost, testHost } from '../testing/hosted-folder.js';
import { CommunityHost } from './community-host.js';
import { openFromFolder } from './data-folder-host.js';

const root = mkdtempSync(join(tmpdir(), 'linli-hosting-'));
let n = 0;
const folder = () => join(root, `f${n++}`);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const hosts: CommunityHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

async function hosting(ids: readonly string[], options: { maxOpen?: number } = {}): Promise<TestHost> {
  const t = await testHost(ids, { ...options, dir: folder() });
  hosts.push(t.host);
  return t;
}

/** Adds a building in `id` through the host (held for the command, released after). */
async function addBuilding(host: CommunityHost, id: string, name: string): Promise<void> {
  const done = await host.withCommunity(id, (c) => c.governance.execute({ type: 'building.add', name }));
  if (!done?.ok) throw new Error(`building.add failed in ${id}`);
}

/** The state of `id` loaded afresh from its log, as a second process would. */
async function freshSnapshot(t: TestHost, id: string) {
  const store = await t.data.eventStore(id);
  const governance = await createGovernance({ store, actor: 'organizer' });
  try {
    return { head: governance.head.value, snapshot: governance.snapshot() };
  } finally {
    governance.dispose();
    await store.close();
  }
}

describe('CommunityHost: opening', () => {
  it('opens a community once for ten concurrent first requests, and none it was not asked for', async () => {
    const t = await hosting(['a', 'b']);
    expect(t.host.openIds).toEqual([]);
    const leases = await Promise.all(Array.from({ length: 10 }, () => t.host.acquire('a')));
    expect(t.opens).toEqual(new Map([['a', 1]]));
    expect(new Set(leases.map((l) => l?.community.governance)).size).toBe(1);
    expect(t.host.openIds).toEqual(['a']);
    for (const lease of leases) lease?.release();
  });

  it('answers an id that is not listed with undefined, opening and creating nothing', async () => {
    const t = await hosting(['a']);
    expect(await t.host.acquire('nowhere')).toBeUndefined();
    expect(t.host.openIds).toEqual([]);
    const db = new Database(resolve(t.data.dir, 'linli.sqlite'), { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM events WHERE community = 'nowhere'").get()).toEqual({
      n: 0,
    });
    db.close();
  });

  it('forgets a failed open: the next touch opens it again', async () => {
    const t = await hosting(['a']);
    const registry = await t.data.registry();
    let attempts = 0;
    const host = new CommunityHost({
      registry,
      open: async ({ id }) => {
        attempts += 1;
        if (attempts === 1)
          return { ok: false, error: linliError('log.unavailable', [], { reason: 'away' }) };
        return openFromFolder(t.data, id, { office: 'organizer' });
      },
      found: async () => ({ ok: false, error: linliError('validation.invalid') }),
    });
    hosts.push(host);
    const first = await Promise.allSettled([host.acquire('a'), host.acquire('a')]);
    expect(first.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(attempts).toBe(1);
    const lease = await host.acquire('a');
    expect(lease?.community.governance.community.value.community?.name).toBe('小区 a');
    expect(attempts).toBe(2);
    lease?.release();
  });
});

describe('CommunityHost: eviction', () => {
  it('closes an idle community and reopens it with the identical head and state', async () => {
    const t = await hosting(['a']);
    await addBuilding(t.host, 'a', '1号楼');
    const before = await t.host.withCommunity('a', async (c) => ({
      head: c.governance.head.value,
      snapshot: c.governance.snapshot(),
    }));
    t.advance(TEST_IDLE_MS - 1);
    expect(await t.host.evictIdle()).toEqual([]);
    t.advance(1);
    expect(await t.host.evictIdle()).toEqual(['a']);
    expect(t.host.openIds).toEqual([]);
    const after = await t.host.withCommunity('a', async (c) => ({
      head: c.governance.head.value,
      snapshot: c.governance.snapshot(),
    }));
    expect(after).toEqual(before);
    expect(after).toEqual(await freshSnapshot(t, 'a'));
    expect(t.opens.get('a')).toBe(2);
  });

  it('never evicts a community while a request or job holds it', async () => {
    const t = await hosting(['a']);
    const lease = await t.host.acquire('a');
    t.advance(10 * TEST_IDLE_MS);
    expect(await t.host.evictIdle()).toEqual([]);
    lease?.release();
    lease?.release(); // a second release changes nothing
    expect(await t.host.evictIdle()).toEqual([]); // idle counts from the release
    t.advance(TEST_IDLE_MS);
    expect(await t.host.evictIdle()).toEqual(['a']);
  });

  it('loses no command that arrives while the community is being closed', async () => {
    const t = await hosting(['a']);
    await addBuilding(t.host, 'a', '1号楼');
    t.advance(TEST_IDLE_MS);
    const complaints = vi.spyOn(console, 'error');
    const evicting = t.host.evictIdle();
    const arriving = addBuilding(t.host, 'a', '2号楼');
    await Promise.all([evicting, arriving]);
    // It reopened only once closed: two instances never wrote the checkpoint at once.
    expect(complaints).not.toHaveBeenCalled();
    complaints.mockRestore();
    const names = await t.host.withCommunity('a', async (c) =>
      c.governance.community.value.buildings.map((b) => b.name),
    );
    expect(names).toEqual(['1号楼', '2号楼']);
    expect(t.opens.get('a')).toBe(2);
    expect((await freshSnapshot(t, 'a')).head.seq).toBe(3);
    await t.host.close();
    expect(JSON.parse(readFileSync(t.data.checkpointFile('a'), 'utf8'))).toMatchObject({ seq: 3 });
  });

  it('keeps at most maxOpen open, closing the least recently used idle one', async () => {
    const t = await hosting(['a', 'b', 'c'], { maxOpen: 2 });
    for (const id of ['a', 'b', 'c']) {
      await addBuilding(t.host, id, `${id}楼`);
      t.advance(1);
    }
    await t.host.withCommunity('b', async () => undefined);
    await new Promise((r) => setTimeout(r, 50)); // the trim after an open is not awaited by it
    expect([...t.host.openIds].sort()).toEqual(['b', 'c']);
  });
});

describe('CommunityHost: a log edited while its community was closed', () => {
  it('is refused with log.corrupt when next opened, naming the seq', async () => {
    const t = await hosting(['a']);
    await addBuilding(t.host, 'a', '1号楼');
    t.advance(TEST_IDLE_MS);
    await t.host.evictIdle();
    const db = new Database(resolve(t.data.dir, 'linli.sqlite'));
    db.prepare(
      `UPDATE events SET payload = '{"buildingId":"b1","name":"forged"}' WHERE community = 'a' AND seq = 2`,
    ).run();
    db.close();
    const refused = await t.host.acquire('a').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LinliException);
    expect((refused as LinliException).error).toMatchObject({ code: 'log.corrupt', params: { seq: 2 } });
    expect(t.host.openIds).toEqual([]);
  });
});

describe('CommunityHost.found', () => {
  it('founds and lists a community, served at once; refuses a taken or malformed id', async () => {
    const t = await hosting(['a']);
    const founded = await t.host.found('lane9', '九弄');
    expect(founded).toMatchObject({ ok: true, value: { id: 'lane9', name: '九弄', origins: [] } });
    expect(await t.host.listed()).toEqual([
      { id: 'a', name: '小区 a' },
      { id: 'lane9', name: '九弄' },
    ]);
    const name = await t.host.withCommunity(
      'lane9',
      async (c) => c.governance.community.value.community?.name,
    );
    expect(name).toBe('九弄');
    expect(await t.host.found('lane9', 'again')).toMatchObject({
      ok: false,
      error: { code: 'entity.duplicate_id' },
    });
    expect(await t.host.found('Bad Id', 'x')).toMatchObject({
      ok: false,
      error: { code: 'validation.invalid' },
    });
  });
});
