import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LinliError } from '@linli/core';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { DataFolder } from '../cli/data-folder.js';
import { SetupToken } from '../setup/setup-token.js';
import { type TestCommunity, testCommunity } from '../testing/hosted-community.js';
import { createDatabase, startPostgres } from '../testing/postgres-cluster.js';
import { type PostgresQueryable, PostgresRateLimits } from './postgres-rate-limits.js';
import { RATE_WINDOW_MS, RateLimit } from './rate-limit.js';

let cluster: Awaited<ReturnType<typeof startPostgres>>;
let url: string;
const pools: pg.Pool[] = [];
/** A pool of its own: one per simulated server process. */
const processPool = (on = url) => {
  const pool = new pg.Pool({ connectionString: on, max: 4 });
  pools.push(pool);
  return pool;
};

beforeAll(async () => {
  cluster = await startPostgres();
  url = await createDatabase(cluster.url, 'linli_limits');
}, 60_000);

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  cluster?.stop();
});

/** 10:00:05 on a day, in ms: well inside a window, so a test's takes never straddle two. */
const T0 = Date.UTC(2026, 10, 30, 10, 0, 5);

describe('PostgresRateLimits', () => {
  it('shares one budget between two processes exactly, under concurrent takes', async () => {
    const clock = () => T0;
    const one = (await PostgresRateLimits.open(processPool(), clock)).limiter('commands', 60);
    const two = (await PostgresRateLimits.open(processPool(), clock)).limiter('commands', 60);
    // 90 takes at once, alternating between the processes: exactly 60 pass, whichever they reached.
    const answers = await Promise.all(Array.from({ length: 90 }, (_, i) => (i % 2 ? one : two).take('h1')));
    expect(answers.filter(Boolean)).toHaveLength(60);
    expect(await one.take('h1')).toBe(false);
    expect(await two.take('h1')).toBe(false);
    // Another key, and another limit on the same key, count on their own.
    expect(await one.take('h2')).toBe(true);
    const signIn = (await PostgresRateLimits.open(processPool(), clock)).limiter('sign-in', 1);
    expect(await signIn.take('h1')).toBe(true);
  });

  it('counts on the database clock when none is injected, in minute-aligned windows', async () => {
    const pool = processPool();
    const limit = (await PostgresRateLimits.open(pool)).limiter('clock', 1000);
    expect(await limit.take('k')).toBe(true);
    const { rows } = await pool.query<{ window_start: string; count: number }>(
      'SELECT window_start, count FROM linli_rate_limits',
    );
    const starts = rows.map((r) => Number(r.window_start));
    expect(starts.every((s) => s % RATE_WINDOW_MS === 0)).toBe(true);
    expect(starts.some((s) => Math.abs(Date.now() - s) < 2 * RATE_WINDOW_MS)).toBe(true);
  });

  it('keeps no key in the clear and sweeps windows that have passed', async () => {
    const pool = processPool(await createDatabase(cluster.url, 'linli_sweep'));
    let now = T0;
    const limits = await PostgresRateLimits.open(pool, () => now);
    await limits.limiter('sweep', 5).take('\u0000203.0.113.9');
    const keys = await pool.query<{ key: string }>('SELECT key FROM linli_rate_limits');
    expect(keys.rows.map((r) => r.key).join()).not.toContain('203.0.113.9');
    now = T0 + 10 * RATE_WINDOW_MS;
    await limits.limiter('sweep', 5).take('fresh');
    await expect
      .poll(async () => (await pool.query('SELECT count(*)::int AS n FROM linli_rate_limits')).rows[0].n)
      .toBe(1);
  });

  it('answers exactly as the in-memory limit for any sequence of takes over time', async () => {
    const pool = processPool();
    let run = 0;
    const step = fc.record({
      key: fc.constantFrom('a', 'b', 'c'),
      wait: fc.integer({ min: 0, max: 90_000 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(step, { maxLength: 25 }),
        async (limit, steps) => {
          let now = T0 + run * 100 * RATE_WINDOW_MS; // each run in windows of its own
          run += 1;
          const memory = new RateLimit(limit, () => now);
          const shared = new PostgresRateLimits(pool, () => now).limiter(`run${run}`, limit);
          for (const { key, wait } of steps) {
            now += wait;
            expect(await shared.take(key)).toBe(memory.takeNow(key));
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('PostgresRateLimits batched per event-loop turn', () => {
  it('sends every take of one turn, of any limit and key, as one statement', async () => {
    const pool = processPool();
    const statements: string[] = [];
    const counting: PostgresQueryable = {
      query: (text, values) => {
        statements.push(text);
        return pool.query(text, values as unknown[]);
      },
    };
    await PostgresRateLimits.open(pool, () => T0);
    const limits = new PostgresRateLimits(counting, () => T0 + 200 * RATE_WINDOW_MS);
    const commands = limits.limiter('batch-commands', 3);
    const guesses = limits.limiter('batch-guesses', 1);
    const answers = await Promise.all([
      ...Array.from({ length: 5 }, () => commands.take('h1')),
      commands.take('h2'),
      guesses.take('h1'),
      guesses.take('h1'),
    ]);
    expect(answers).toEqual([true, true, true, false, false, true, true, false]);
    expect(statements.filter((s) => s.includes('INSERT'))).toHaveLength(1);
  });

  it('gives batched takes the verdicts of one-by-one takes, in arrival order, across windows', async () => {
    // A database each: a sweep one side sends with its clock far ahead, still running when the other
    // side starts over at the run's first moment, must not empty the other side's rows.
    const batchedPool = processPool(await createDatabase(cluster.url, 'linli_batched'));
    const alonePool = processPool(await createDatabase(cluster.url, 'linli_alone'));
    await PostgresRateLimits.open(batchedPool);
    await PostgresRateLimits.open(alonePool);
    let run = 0;
    const take = fc.record({
      limit: fc.constantFrom('x', 'y'),
      key: fc.constantFrom('a', 'b', 'c'),
      wait: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 70_000 })),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.array(take, { minLength: 1, maxLength: 12 }), { maxLength: 5 }),
        async (perMinute, turns) => {
          run += 1;
          // Each run in windows of its own, past the windows the last run's sweeps may still empty.
          const start = T0 + (1000 + run) * 100 * RATE_WINDOW_MS;
          let now = start;
          const batched = new PostgresRateLimits(batchedPool, () => now);
          const batchedAnswers: boolean[] = [];
          for (const turn of turns) {
            const answers = turn.map(({ limit, key, wait }) => {
              now += wait;
              return batched.limiter(`batched${run}${limit}`, perMinute).take(key);
            });
            batchedAnswers.push(...(await Promise.all(answers)));
          }
          now = start;
          const alone = new PostgresRateLimits(alonePool, () => now);
          const aloneAnswers: boolean[] = [];
          for (const { limit, key, wait } of turns.flat()) {
            now += wait;
            aloneAnswers.push(await alone.limiter(`alone${run}${limit}`, perMinute).take(key));
          }
          expect(batchedAnswers).toEqual(aloneAnswers);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("the data folder's limits", () => {
  it('are shared in PostgreSQL on DATABASE_URL and kept in the process on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linli-limits-'));
    const folders = [0, 1].map(() => new DataFolder({ DATABASE_URL: url, LINLI_DATA: dir }));
    const [one, two] = await Promise.all(folders.map((folder) => folder.rateLimits()));
    const key = `folder-${Date.now()}`;
    expect(await one?.limiter('folder', 1).take(key)).toBe(true);
    expect(await two?.limiter('folder', 1).take(key)).toBe(false);
    await Promise.all(folders.map((folder) => folder.close()));
    const onSqlite = () => new DataFolder({ LINLI_DATA: dir }).rateLimits();
    const [three, four] = [await onSqlite(), await onSqlite()];
    expect(await three.limiter('folder', 1).take(key)).toBe(true);
    expect(await four.limiter('folder', 1).take(key)).toBe(true);
  });
});

describe('limits shared by two server processes (issue #20: 10 guesses per address, not 10 per process)', () => {
  let first: TestCommunity;
  let second: TestCommunity;
  beforeAll(async () => {
    first = await testCommunity();
    second = await testCommunity();
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });
  const apps = async () => {
    const clock = () => T0 + 1000 * RATE_WINDOW_MS;
    const options = { codeAttemptsPerMinute: 10, householdCommandsPerMinute: 60 };
    return [
      createApp(new Map([['xfkl', first.community]]), {
        ...options,
        rateLimits: await PostgresRateLimits.open(processPool(), clock),
      }),
      createApp(new Map([['xfkl', second.community]]), {
        ...options,
        rateLimits: await PostgresRateLimits.open(processPool(), clock),
      }),
    ] as const;
  };
  it('refuses the 11th wrong invite code from one address, whichever process it reaches', async () => {
    const [a, b] = await apps();
    const guess = (app: typeof a) =>
      app.request('/c/xfkl/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'WRONG-CODE' }),
      });
    for (let i = 0; i < 10; i += 1) expect((await guess(i % 2 ? a : b)).status).toBe(401);
    const refused = await guess(a);
    expect(refused.status).toBe(429);
    expect(await codeOf(refused)).toBe('auth.rate_limited');
    expect((await guess(b)).status).toBe(429);
  });

  it("refuses a household's 61st command in a minute, whichever process it reaches", async () => {
    const [a, b] = await apps();
    const command = (app: typeof a, token: string) =>
      app.request('/c/xfkl/commands', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ command: { type: 'no.such.command' } }),
      });
    const statuses = await Promise.all(
      Array.from({ length: 61 }, (_, i) =>
        command(i % 2 ? a : b, i % 2 ? first.household : second.household),
      ),
    );
    expect(statuses.filter((r) => r.status === 429)).toHaveLength(1);
    expect((await command(a, first.household)).status).toBe(429);
    expect((await command(b, second.household)).status).toBe(429);
  });
});

describe('limits whose database cannot be reached', () => {
  it('refuse sign-in guesses, setup and commands with the typed 503 log.unavailable', async () => {
    const community = await testCommunity();
    // A port nothing listens on: every take fails to connect.
    const down = new pg.Pool({
      connectionString: 'postgres://linli@127.0.0.1:9/none',
      connectionTimeoutMillis: 2000,
    });
    pools.push(down);
    const app = createApp(new Map([['xfkl', community.community]]), {
      rateLimits: new PostgresRateLimits(down),
      setup: {
        token: new SetupToken(join(mkdtempSync(join(tmpdir(), 'linli-limits-')), 'setup-token.json')),
        host: {
          hasCommunity: async () => false,
          found: async () => {
            throw new Error('not reached');
          },
          withCommunity: async () => {
            throw new Error('not reached');
          },
        },
      },
    });
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const answers = [
      await post('/c/xfkl/sessions', { code: 'WRONG-CODE' }),
      await post('/setup', {}),
      await post('/c/xfkl/commands', { command: {} }, { authorization: `Bearer ${community.household}` }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(await codeOf(answer)).toBe('log.unavailable');
    }
    await community.close();
  });
});

const codeOf = async (response: Response) => ((await response.json()) as { error: LinliError }).error.code;
