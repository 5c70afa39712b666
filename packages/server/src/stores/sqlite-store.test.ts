import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson, EMPTY_HEAD, type LoggedEvent, sealEvents, verify } from '@linli/core';
import { appendPlannedConformance, storeConformance } from '@linli/core/testing';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { type EventRow, eventFromRow, eventRow, SqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'linli-sqlite-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SqliteStore (a real file, WAL, durable commits)', () => {
  storeConformance(async () => {
    const file = join(dir, `log-${n++}.sqlite`);
    return async () => SqliteStore.open(file, 'xfkl');
  });
  appendPlannedConformance(async () => {
    const file = join(dir, `log-${n++}.sqlite`);
    return async () => SqliteStore.open(file, 'xfkl');
  });
});

describe('SqliteStore on a file written before salted events', () => {
  it('adds the salt column, keeps the old events verifying, and salts the new ones', async () => {
    const file = join(dir, 'format-1.sqlite');
    const old = sealEvents(
      [{ at: '2026-01-01T00:00:00.000Z', actor: 'a', type: 'x', payload: {}, v: 1 }],
      EMPTY_HEAD,
    );
    const db = new Database(file);
    db.exec(`CREATE TABLE events (community TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL,
      actor TEXT NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL, prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL, PRIMARY KEY (community, seq)) WITHOUT ROWID`);
    // The format-1 table has every column but the salt.
    for (const e of old)
      db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        ...eventRow('xfkl', e).slice(0, 8),
      );
    db.close();
    const store = SqliteStore.open(file, 'xfkl');
    expect(await store.read()).toEqual(old);
    await store.append([{ at: '2026-01-02T00:00:00.000Z', actor: 'a', type: 'y', payload: {} }], {
      expectedSeq: 1,
    });
    const log = await store.read();
    expect(log[1]).toMatchObject({ v: 2, salt: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(verify(log)).toMatchObject({ ok: true, count: 2 });
    store.close();
  });
});

describe('eventFromRow', () => {
  it('reads back exactly the event sealed, in either format, with no field added or lost', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            actor: fc.string(),
            type: fc.string(),
            payload: fc.jsonValue(),
            v: fc.constantFrom(1 as const, 2 as const),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        (drafts) => {
          const sealed = sealEvents(
            drafts.map((d) => ({ ...d, at: '2026-01-01T00:00:00.000Z' })),
            EMPTY_HEAD,
          );
          // JSON.parse(JSON.stringify(x)) is what a stored payload reads back as (-0 becomes 0).
          const expected = sealed.map((e) => ({ ...e, payload: JSON.parse(JSON.stringify(e.payload)) }));
          const read = sealed.map((e) => {
            const [, seq, at, actor, type, payload, prev_hash, hash, salt] = eventRow('c', e);
            return eventFromRow({ seq, at, actor, type, payload, prev_hash, hash, salt } as EventRow);
          });
          expect(read).toStrictEqual(expected);
          expect(verify(read).ok).toBe(true);
        },
      ),
    );
  });
});

describe('SqliteStore keeps each payload as the canonical JSON its hash covers', () => {
  const draft = (payload: unknown) => ({ at: '2026-11-30T00:00:00.000Z', actor: 'a', type: 'x', payload });
  /** A store holding `payloads`, and its database opened beside it to look at and rewrite rows. */
  async function storeOf(name: string, payloads: unknown[]) {
    const file = join(dir, `${name}.sqlite`);
    const store = SqliteStore.open(file, 'xfkl');
    const appended = await store.append(payloads.map(draft), { expectedSeq: 0 });
    if (!appended.ok) throw new Error(appended.error.message.en);
    const db = new Database(file);
    const setText = (seq: number, text: string) =>
      db.prepare('UPDATE events SET payload = ? WHERE community = ? AND seq = ?').run(text, 'xfkl', seq);
    return { store, db, setText, sealed: appended.value };
  }

  it('writes canonicalJson(payload), and reads it back beside the events for verifying', async () => {
    const payloads = [
      { b: 1, a: { d: [2, { z: 0, y: '邻里' }], c: 3 } },
      { ok: true, id: 'u1' },
    ];
    const { store, db, sealed } = await storeOf('canonical', payloads);
    const texts = db.prepare<[], { payload: string }>('SELECT payload FROM events ORDER BY seq').all();
    expect(texts.map((r) => r.payload)).toEqual(payloads.map(canonicalJson));
    const stored = await store.readWithPayloadTexts();
    expect(stored.events).toEqual(await store.read());
    expect(stored.events).toEqual(sealed);
    expect(stored.payloadTexts).toEqual(payloads.map(canonicalJson));
    expect((await store.readWithPayloadTexts({ afterSeq: 1 })).payloadTexts).toEqual([
      canonicalJson(payloads[1]),
    ]);
    expect(verify(stored.events, stored)).toMatchObject({ ok: true, count: 2 });
    db.close();
    store.close();
  });

  it('still verifies payloads stored before as JSON.stringify wrote them, and names an edited one', async () => {
    const payloads = [{ b: 1, a: 2 }, { z: { y: 1, x: 2 } }, { n: 1 }];
    const { store, db, setText } = await storeOf('older', payloads);
    // Older rows: keys in the order the code built them, and whitespace.
    setText(1, '{"b":1,"a":2}');
    setText(2, '{ "z": { "y": 1, "x": 2 } }');
    let stored = await store.readWithPayloadTexts();
    expect(verify(stored.events, stored)).toMatchObject({ ok: true, count: 3 });
    setText(3, '{"n":2}');
    stored = await store.readWithPayloadTexts();
    expect((stored.events[2] as LoggedEvent).payload).toEqual({ n: 2 });
    expect(verify(stored.events, stored)).toEqual({ ok: false, seq: 3, reason: 'edited' });
    db.close();
    store.close();
  });
});
