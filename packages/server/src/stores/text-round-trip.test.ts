import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createGovernance,
  type EventStore,
  type LinliError,
  lineSchema,
  multilineSchema,
  parseWith,
  verify,
} from '@linli/core';
import { seedScenario } from '@linli/core/seed';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { SqliteAuthStore } from '../auth/sqlite-auth-store.js';
import { createDatabase, startPostgres } from '../testing/postgres-cluster.js';
import { PostgresStore } from './postgres-store.js';
import { SqliteStore } from './sqlite-store.js';

let dir: string;
let cluster: { url: string; stop: () => void };
const closers: (() => unknown)[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'linli-text-'));
  cluster = await startPostgres();
});
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const stores: { name: string; open: () => Promise<EventStore> }[] = [
  {
    name: 'SQLite',
    open: async () => {
      const store = SqliteStore.open(join(dir, `t${n++}.sqlite`), 'xfkl');
      closers.push(() => store.close());
      return store;
    },
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      const store = await PostgresStore.open(await createDatabase(cluster.url, `text${n++}`), 'xfkl');
      closers.push(() => store.close());
      return store;
    },
  },
];

/** Any UTF-16 string, biased towards what breaks stores: controls, surrogates, invisible characters. */
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '\u0000',
      '\u0007',
      '\t',
      '\n',
      '\r',
      '\u007f',
      '\u0085',
      '\u200b',
      '\ufeff',
      '\u3164',
      ' ',
    ),
    fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '😀', '邻', 'é'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 30,
});

for (const { name, open } of stores)
  describe(`text on ${name}`, () => {
    it('round-trips every string validation accepts, byte for byte, with a chain that verifies (property)', async () => {
      const store = await open();
      let seq = 0;
      await fc.assert(
        fc.asyncProperty(anyText, anyText, async (line, text) => {
          const title = parseWith(lineSchema(200), line);
          const body = parseWith(multilineSchema(200), text);
          fc.pre(title.ok || body.ok);
          const payload = { title: title.ok ? title.value : '-', body: body.ok ? body.value : '' };
          const appended = await store.append(
            [{ at: '2026-11-30T00:00:00.000Z', actor: 'organizer', type: 'x', payload }],
            {
              expectedSeq: seq,
            },
          );
          expect(appended.ok).toBe(true);
          seq += 1;
          const [stored] = await store.read({ afterSeq: seq - 1 });
          expect(stored?.payload).toEqual(payload);
          expect(stored).toEqual(appended.ok ? appended.value[0] : undefined);
        }),
        { numRuns: 150 },
      );
      expect(verify(await store.read())).toMatchObject({ ok: true });
    });

    it('answers a NUL or a lone surrogate in a title with a 400, and lets ballots sent with it land', async () => {
      const store = await open();
      const governance = await createGovernance({ store, groupCommit: true });
      await seedScenario(governance);
      const auth = SqliteAuthStore.open(':memory:', 'xfkl');
      closers.push(
        () => auth.close(),
        () => governance.dispose(),
      );
      const organizer = await auth.issueOrganizerToken();
      const app = createApp(new Map([['xfkl', { id: 'xfkl', store, governance, auth, origins: [] }]]));
      const send = (command: unknown) =>
        app.request('/c/xfkl/commands', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${organizer}` },
          body: JSON.stringify({ command }),
        });
      const draft = (title: string) => ({
        type: 'motion.draft',
        title,
        kind: 'proposal',
        scope: { kind: 'community' },
        basis: 'households',
        rule: 'simpleMajority',
      });
      const before = (await store.read()).length;
      // Sent at the same moment, so they share one group commit.
      const voters = ['o101', 'o201', 'o202', 'o302', 'o402', 'o-wang', 'o601', 'o102'];
      const answers = await Promise.all([
        send(draft('加装电梯\u0000说明')),
        send(draft('\ud83d楼')),
        ...voters.map((voterId) =>
          send({ type: 'ballot.cast', motionId: 'lift', voterId, vote: 'no', paperRef: `P-${voterId}` }),
        ),
      ]);
      const bodies = (await Promise.all(answers.map((a) => a.json()))) as { error?: LinliError }[];
      expect(answers.map((a) => a.status)).toEqual([400, 400, ...voters.map(() => 200)]);
      expect(bodies[0]?.error).toMatchObject({ code: 'text.control_character', path: ['title'] });
      expect(bodies[1]?.error).toMatchObject({ code: 'text.lone_surrogate', path: ['title'] });
      expect(await store.read()).toHaveLength(before + voters.length);
    });
  });
