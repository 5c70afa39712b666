import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FundView } from '@linli/core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  billedOnceSettled,
  createCommunity,
  DOORMAN_ROOMS,
  organizerClient,
  setUpDoormanWage,
} from '../testing/billing-community.js';
import { type RunningServer, startServer } from '../testing/run-server.js';

const CLI = fileURLToPath(new URL('../../dist/cli/start.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'linli-recurring-billing-'));
const env = { LINLI_DATA: dir, LINLI_DUE_WORK_SECONDS: '0.2', NODE_ENV: 'test' };
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The largest-remainder split the core README documents: floors, then +1 fen by largest remainder, ties by order. */
function largestRemainder(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const floors = weights.map((w) => Math.floor((amount * w) / total));
  const order = weights
    .map((w, i) => ({ i, rest: (amount * w) % total }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  let left = amount - floors.reduce((a, b) => a + b, 0);
  for (const { i } of order) if (left-- > 0) floors[i] = (floors[i] ?? 0) + 1;
  return floors;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const WAGE = 300_000; // ¥3,000.00 a month, in fen

describe('福泰大厦: the doorman’s wage bills itself for three months through restarts', () => {
  it('bills January, and after a kill mid-February and a restart in late March, February (prorated) and March once each', async () => {
    const client = organizerClient(
      () => server?.base ?? '',
      'ftdd',
      createCommunity('ftdd', '福泰大厦', env),
    );
    const start = (instant: string) => startServer(dir, { ...env, LINLI_TEST_CLOCK: instant }, ['serve']);

    // December 2027: the building, four households, the fund and the wage, due on the 25th.
    server = await start('2027-12-20T02:00:00Z');
    await setUpDoormanWage(client, WAGE, 25);
    await sleep(600);
    expect(await client.billedMonths()).toEqual([]);
    await server.stop();

    // 26 January: January is billed by itself.
    server = await start('2028-01-26T02:00:00Z');
    expect(await billedOnceSettled(client, 1)).toEqual(['2028-01']);
    await server.stop();

    // 10 February: 202 moves out on the 16th; the server is killed mid-month, before the 25th.
    server = await start('2028-02-10T02:00:00Z');
    await client.command({ type: 'resident.moveOut', residentId: 'r202', date: '2028-02-16' });
    await sleep(600);
    expect(await client.billedMonths()).toEqual(['2028-01']);
    server.process.kill('SIGKILL');
    await new Promise((r) => server?.process.once('exit', r));

    // 26 March, after six weeks down: February and March, once each, in order, as the scheduler.
    server = await start('2028-03-26T02:00:00Z');
    expect(await billedOnceSettled(client, 3)).toEqual(['2028-01', '2028-02', '2028-03']);
    const bills = (await client.events()).filter((e) => e.type === 'charge.billed');
    expect(new Set(bills.map((e) => e.actor))).toEqual(new Set(['scheduler']));
    await server.stop();
    // Restarted again the same day: nothing more.
    server = await start('2028-03-26T03:00:00Z');
    await sleep(800);
    expect(await client.billedMonths()).toEqual(['2028-01', '2028-02', '2028-03']);

    // The figures, computed here: January equal; February (29 days, leap year) by days lived —
    // 202 lived 1–15 February (15 days); March among the three left.
    const january = largestRemainder(WAGE, [1, 1, 1, 1]);
    const february = largestRemainder(WAGE, [29, 29, 29, 15]);
    const march = largestRemainder(WAGE, [1, 1, 1]);
    expect(february).toEqual([85_294, 85_294, 85_294, 44_118]);
    const expected = Object.fromEntries(
      DOORMAN_ROOMS.map((room, i) => [
        `u${room}`,
        (january[i] ?? 0) + (february[i] ?? 0) + (room === '202' ? 0 : (march[i] ?? 0)),
      ]),
    );
    const view = (await (await fetch(`${server.base}/c/ftdd/view`)).json()) as {
      funds: Record<string, FundView>;
    };
    const fund = view.funds.door;
    expect(Object.fromEntries((fund?.rows ?? []).map((r) => [r.unitId, r.share]))).toEqual(expected);
    expect(fund?.totals.share).toBe(3 * WAGE);
    expect(fund?.charges).toEqual([
      {
        chargeId: 'wage',
        name: '门卫工资',
        monthlyAmount: WAGE,
        split: 'equal',
        dueDay: 25,
        start: '2028-01',
        lastBilled: '2028-03',
        next: { month: '2028-04', dueDate: '2028-04-25' },
      },
    ]);
  }, 120_000);

  it('a production server refuses an injected clock', () => {
    const run = spawnSync(process.execPath, [CLI, 'serve'], {
      env: {
        ...process.env,
        ...env,
        LINLI_DATA: join(dir, 'production'),
        NODE_ENV: 'production',
        LINLI_TEST_CLOCK: '2028-01-01T00:00:00Z',
      },
      encoding: 'utf8',
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('LINLI_TEST_CLOCK is honoured only in tests');
  });
});
