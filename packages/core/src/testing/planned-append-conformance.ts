import { beforeEach, expect, it } from 'vitest';
import type { LoggedEvent } from '../log/event.js';
import type { AppendPlan, EventStore } from '../log/store.js';
import { verify } from '../log/verify.js';

const draft = (type: string, n = 0) => ({
  at: '2026-11-29T00:00:00.000Z',
  actor: 'a',
  type,
  payload: { n, text: '新福康里' },
});

/** The store's `appendPlanned`, or a failed test when it offers none. */
function plannedOf(store: EventStore): NonNullable<EventStore['appendPlanned']> {
  const appendPlanned = store.appendPlanned?.bind(store);
  if (!appendPlanned) throw new Error('this store must offer appendPlanned');
  return appendPlanned;
}

/**
 * The behaviour of {@link EventStore.appendPlanned} every store that offers it must have, as vitest
 * tests: the plan sees exactly the events after `afterSeq` and its groups are sealed after them; an
 * empty plan writes nothing; a used request key or a plan that throws writes nothing; and many
 * writers on several connections planning at once never fail and never decide on a stale log. Call
 * it inside a `describe` of your store's test file, beside {@link storeConformance}.
 *
 * @param freshLog - Creates a fresh, empty log and returns a function that opens another connection
 *   (another writer) to that same log.
 */
export function appendPlannedConformance(freshLog: () => Promise<() => Promise<EventStore>>): void {
  let open: () => Promise<EventStore> = async () => {
    throw new Error('no log');
  };
  beforeEach(async () => {
    open = await freshLog();
  });

  it('hands the plan the events after afterSeq and seals its groups after them', async () => {
    const [store, other] = [await open(), await open()];
    await other.append([draft('x.one', 1), draft('x.two', 2)], { expectedSeq: 0 });
    const heard: number[] = [];
    const stop = store.subscribe((events) => heard.push(...events.map((e) => e.seq)));
    let seen: readonly LoggedEvent[] = [];
    const planned = await plannedOf(store)(
      (caughtUp) => {
        seen = caughtUp;
        return [
          { drafts: [draft('x.three', 3)], requestKey: 'k1' },
          { drafts: [] },
          { drafts: [draft('x.four')] },
        ];
      },
      { afterSeq: 1 },
    );
    expect(seen.map((e) => e.seq)).toEqual([2]);
    if (!planned.ok) throw new Error(planned.error.code);
    expect(planned.value.caughtUp).toEqual(seen);
    expect(planned.value.sealed.map((g) => g.map((e) => e.seq))).toEqual([[3], [], [4]]);
    expect(planned.value.sealed[0]?.[0]?.prevHash).toBe(seen[0]?.hash);
    await expect.poll(() => heard).toEqual([3, 4]);
    stop();
    expect((await store.appendedFor?.('k1'))?.map((e) => e.type)).toEqual(['x.three']);
    expect(verify(await other.read())).toMatchObject({ ok: true, count: 4 });
  });

  it('appends nothing for an empty plan, and refuses a used request key with log.conflict', async () => {
    const store = await open();
    await store.append([draft('x.one')], { expectedSeq: 0, requestKey: 'k1' });
    const empty = await plannedOf(store)(() => [], { afterSeq: 0 });
    expect(empty.ok && empty.value).toMatchObject({ sealed: [] });
    const used = await plannedOf(store)(
      () => [
        { drafts: [draft('x.new')], requestKey: 'k2' },
        { drafts: [draft('x.again')], requestKey: 'k1' },
      ],
      { afterSeq: 1 },
    );
    expect(used.ok || used.error.code).toBe('log.conflict');
    expect((await store.read()).map((e) => e.type)).toEqual(['x.one']);
    expect(await store.appendedFor?.('k2')).toBeUndefined();
  });

  it('writes nothing and rejects with what the plan threw', async () => {
    const store = await open();
    const wrong = new Error('the plan failed');
    const plan: AppendPlan = () => {
      throw wrong;
    };
    await expect(plannedOf(store)(plan, { afterSeq: 0 })).rejects.toBe(wrong);
    expect(await store.read()).toEqual([]);
    const after = await plannedOf(store)(() => [{ drafts: [draft('x.one')] }], { afterSeq: 0 });
    expect(after.ok).toBe(true);
  });

  it('lets writers on several connections plan at once: none fails, each decides on the whole log', async () => {
    const connections = [await open(), await open(), await open()];
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        plannedOf(connections[i % 3] as EventStore)(
          // Each event records how long the log was when it was decided: it must be its seq - 1.
          (caughtUp) => [{ drafts: [draft('x.counted', caughtUp.length)] }],
          { afterSeq: 0 },
        ),
      ),
    );
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    const log = await connections[0]?.read();
    expect(log?.map((e) => (e.payload as { n: number }).n)).toEqual(log?.map((e) => e.seq - 1));
    expect(verify(log ?? [])).toMatchObject({ ok: true, count: 60 });
  });
}
