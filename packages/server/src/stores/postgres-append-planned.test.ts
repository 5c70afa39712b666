import { type AppendGroup, type DraftEvent, type LoggedEvent, verify } from '@linli/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, startPostgres, type TestCluster } from '../testing/postgres-cluster.js';
import { PostgresStore } from './postgres-store.js';

let cluster: TestCluster;
const opened: PostgresStore[] = [];
let n = 0;

beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  cluster?.stop();
});

/** Two stores ("processes") on one fresh database. */
async function twoWriters(): Promise<[PostgresStore, PostgresStore]> {
  const url = await createDatabase(cluster.url, `planned${n++}`);
  const a = await PostgresStore.open(url, 'xfkl');
  const b = await PostgresStore.open(url, 'xfkl');
  opened.push(a, b);
  return [a, b];
}

const draft = (label: string): DraftEvent => ({
  at: '2026-11-30T08:00:00.000Z',
  actor: 'household:u101',
  type: 'test.noted',
  payload: { label },
});

describe('PostgresStore.appendPlanned', () => {
  it('hands the plan what others appended after afterSeq and appends after them, never a conflict', async () => {
    const [a, b] = await twoWriters();
    expect((await a.append([draft('a1')], { expectedSeq: 0 })).ok).toBe(true);
    expect((await b.append([draft('b1'), draft('b2')], { expectedSeq: 1 })).ok).toBe(true);
    let handed: readonly LoggedEvent[] = [];
    const planned = await a.appendPlanned(
      (caughtUp) => {
        handed = caughtUp;
        return [{ drafts: [draft(`after ${caughtUp.length}`)], requestKey: 'k1' }];
      },
      { afterSeq: 1 },
    );
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    expect(handed.map((e) => e.seq)).toEqual([2, 3]);
    expect(planned.value.caughtUp.map((e) => e.seq)).toEqual([2, 3]);
    expect(planned.value.sealed.map((g) => g.map((e) => e.seq))).toEqual([[4]]);
    expect(planned.value.sealed[0]?.[0]?.prevHash).toBe(handed.at(-1)?.hash);
    const log = await a.read();
    expect(verify(log).ok).toBe(true);
    expect((await a.appendedFor('k1'))?.map((e) => e.seq)).toEqual([4]);
  });

  it('serializes concurrent planned appends of two processes: every plan sees every earlier event', async () => {
    const [a, b] = await twoWriters();
    // Each plan appends one event naming how many it saw: under the lock, the counts are 0, 1, 2, …
    const plan =
      (caughtUpFrom: number) =>
      (caughtUp: readonly LoggedEvent[]): readonly AppendGroup[] => [
        { drafts: [draft(String(caughtUpFrom + caughtUp.length))] },
      ];
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).appendPlanned(plan(0), { afterSeq: 0 })),
    );
    const log = await a.read();
    expect(log.map((e) => (e.payload as { label: string }).label)).toEqual(
      Array.from({ length: 40 }, (_, i) => String(i)),
    );
    expect(verify(log).ok).toBe(true);
  });

  it('appends and announces nothing when the plan plans nothing', async () => {
    const [a, b] = await twoWriters();
    const heard: number[] = [];
    b.subscribe((events) => heard.push(...events.map((e) => e.seq)));
    await (b as unknown as { listening: Promise<void> }).listening;
    expect((await a.append([draft('a1')], { expectedSeq: 0 })).ok).toBe(true);
    const planned = await a.appendPlanned(() => [], { afterSeq: 0 });
    expect(planned.ok && planned.value.sealed).toEqual([]);
    expect(planned.ok && planned.value.caughtUp.map((e) => e.seq)).toEqual([1]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await a.read()).toHaveLength(1);
    expect(heard).toEqual([1]);
  });

  it('refuses a request key used before with log.conflict, and rolls back on a plan that throws', async () => {
    const [a] = await twoWriters();
    expect((await a.append([draft('a1')], { expectedSeq: 0, requestKey: 'k' })).ok).toBe(true);
    const again = await a.appendPlanned(() => [{ drafts: [draft('again')], requestKey: 'k' }], {
      afterSeq: 1,
    });
    expect(!again.ok && again.error.code).toBe('log.conflict');
    await expect(
      a.appendPlanned(
        () => {
          throw new Error('a bug in the plan');
        },
        { afterSeq: 1 },
      ),
    ).rejects.toThrow('a bug in the plan');
    expect(await a.read()).toHaveLength(1);
    // The lock and the connection were given back: the next append goes through.
    expect((await a.appendPlanned(() => [{ drafts: [draft('next')] }], { afterSeq: 1 })).ok).toBe(true);
  });

  it('refuses an afterSeq past the log’s head with log.conflict, writing nothing', async () => {
    const [a] = await twoWriters();
    const ahead = await a.appendPlanned(() => [{ drafts: [draft('x')] }], { afterSeq: 3 });
    expect(!ahead.ok && ahead.error.code).toBe('log.conflict');
    expect(await a.read()).toHaveLength(0);
  });
});
