import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FundView, LoggedEvent } from '@linli/core';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../testing/run-server.js';

const CLI = fileURLToPath(new URL('../../dist/cli/start.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'linli-recurring-billing-'));
const env = { LINLI_DATA: dir, LINLI_DUE_WORK_SECONDS: '0.2', NODE_ENV: 'test' };
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function cli(args: readonly string[]): string {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, DATABASE_URL: '', LINLI_CHECKPOINT_FILE: '', ...env },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

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
const ROOMS = ['101', '102', '201', '202'];
const WAGE = 300_000; // ¥3,000.00 a month, in fen

describe('福泰大厦: the doorman’s wage bills itself for three months through restarts', () => {
  it('bills January, and after a kill mid-February and a restart in late March, February (prorated) and March once each', async () => {
    cli(['community', 'create', 'ftdd', '--name', '福泰大厦']);
    const token = /token\s+(\S+)/.exec(cli(['organizer', 'add', 'ftdd', '王阿姨']))?.[1] ?? '';
    expect(token).not.toBe('');
    const start = (instant: string) => startServer(dir, { ...env, LINLI_TEST_CLOCK: instant }, ['serve']);
    const command = async (body: unknown) => {
      const response = await fetch(`${server?.base}/c/ftdd/commands`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ command: body }),
      });
      expect(response.status, await response.clone().text()).toBe(200);
    };
    const bills = async () => {
      const response = await fetch(`${server?.base}/c/ftdd/events`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const { events } = (await response.json()) as { events: LoggedEvent[] };
      return events.filter((e) => e.type === 'charge.billed');
    };
    const billedMonths = async () => (await bills()).map((e) => (e.payload as { month: string }).month);
    const waitForMonths = async (months: string[]) => {
      const until = Date.now() + 20_000;
      while ((await billedMonths()).length < months.length && Date.now() < until) await sleep(200);
      await sleep(600); // several more rounds: nothing is billed twice
      expect(await billedMonths()).toEqual(months);
    };

    // December 2027: the building, four households, the fund and the wage, due on the 25th.
    server = await start('2027-12-20T02:00:00Z');
    await command({ type: 'building.add', name: '福泰大厦', id: 'b1' });
    await command({ type: 'stairwell.add', buildingId: 'b1', name: '1单元', id: 's1' });
    for (const room of ROOMS) {
      await command({
        type: 'unit.add',
        stairwellId: 's1',
        room,
        floor: Number(room[0]),
        area: 8000,
        areaSource: 'registered',
        id: `u${room}`,
      });
      await command({ type: 'resident.moveIn', unitId: `u${room}`, id: `r${room}`, date: '2020-01-01' });
    }
    await command({ type: 'fund.open', id: 'door', name: '门卫工资', budget: 0 });
    await command({
      type: 'charge.define',
      id: 'wage',
      fundId: 'door',
      name: '门卫工资',
      monthlyAmount: WAGE,
      scope: { kind: 'stairwell', id: 's1' },
      start: '2028-01',
      dueDay: 25,
    });
    await sleep(600);
    expect(await billedMonths()).toEqual([]);
    await server.stop();

    // 26 January: January is billed by itself.
    server = await start('2028-01-26T02:00:00Z');
    await waitForMonths(['2028-01']);
    await server.stop();

    // 10 February: 202 moves out on the 16th; the server is killed mid-month, before the 25th.
    server = await start('2028-02-10T02:00:00Z');
    await command({ type: 'resident.moveOut', residentId: 'r202', date: '2028-02-16' });
    await sleep(600);
    expect(await billedMonths()).toEqual(['2028-01']);
    server.process.kill('SIGKILL');
    await new Promise((r) => server?.process.once('exit', r));

    // 26 March, after six weeks down: February and March, once each, in order, as the scheduler.
    server = await start('2028-03-26T02:00:00Z');
    await waitForMonths(['2028-01', '2028-02', '2028-03']);
    expect(new Set((await bills()).map((e) => e.actor))).toEqual(new Set(['scheduler']));
    await server.stop();
    // Restarted again the same day: nothing more.
    server = await start('2028-03-26T03:00:00Z');
    await sleep(800);
    expect(await billedMonths()).toEqual(['2028-01', '2028-02', '2028-03']);

    // The figures, computed here: January equal; February (29 days, leap year) by days lived —
    // 202 lived 1–15 February (15 days); March among the three left.
    const january = largestRemainder(WAGE, [1, 1, 1, 1]);
    const february = largestRemainder(WAGE, [29, 29, 29, 15]);
    const march = largestRemainder(WAGE, [1, 1, 1]);
    expect(february).toEqual([85_294, 85_294, 85_294, 44_118]);
    const expected = Object.fromEntries(
      ROOMS.map((room, i) => [
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
