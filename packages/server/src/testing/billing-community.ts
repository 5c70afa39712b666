import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoggedEvent } from '@linli/core';

const CLI = fileURLToPath(new URL('../../dist/cli/start.js', import.meta.url));

/** Runs the real `linli-server` CLI on `env`'s data folder (and database); throws unless it succeeds. */
export function runCli(args: readonly string[], env: Record<string, string>): string {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, DATABASE_URL: '', LINLI_CHECKPOINT_FILE: '', ...env },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`linli-server ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

/** Creates community `id` through the CLI and adds an organizer; returns the organizer's token. */
export function createCommunity(id: string, name: string, env: Record<string, string>): string {
  runCli(['community', 'create', id, '--name', name], env);
  const token = /token\s+(\S+)/.exec(runCli(['organizer', 'add', id, '王阿姨'], env))?.[1];
  if (!token) throw new Error('the CLI printed no organizer token');
  return token;
}

/** An organizer's way into one community of a running server. */
export interface OrganizerClient {
  /** Sends a command; throws unless it is accepted. */
  command(body: unknown): Promise<void>;
  /** The community's whole log. */
  events(): Promise<LoggedEvent[]>;
  /** The months billed so far (`charge.billed`), in log order. */
  billedMonths(): Promise<string[]>;
}

/** An {@link OrganizerClient} for community `id` on the server at `base()` (read at each call: restarts move it). */
export function organizerClient(base: () => string, id: string, token: string): OrganizerClient {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const events = async () => {
    const response = await fetch(`${base()}/c/${id}/events`, { headers });
    return ((await response.json()) as { events: LoggedEvent[] }).events;
  };
  return {
    command: async (body) => {
      const response = await fetch(`${base()}/c/${id}/commands`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ command: body }),
      });
      if (response.status !== 200) throw new Error(`${response.status}: ${await response.text()}`);
    },
    events,
    billedMonths: async () =>
      (await events())
        .filter((e) => e.type === 'charge.billed')
        .map((e) => (e.payload as { month: string }).month),
  };
}

/** The doorman's households: one stairwell of four, lived in since 2020. */
export const DOORMAN_ROOMS = ['101', '102', '201', '202'] as const;

/** 福泰大厦's building `b1` through the API: stairwell `s1` of {@link DOORMAN_ROOMS} (`u101`…, residents `r101`…). */
export async function addDoormanStairwell(client: OrganizerClient): Promise<void> {
  await client.command({ type: 'building.add', name: '福泰大厦', id: 'b1' });
  await client.command({ type: 'stairwell.add', buildingId: 'b1', name: '1单元', id: 's1' });
  for (const room of DOORMAN_ROOMS) {
    await client.command({
      type: 'unit.add',
      stairwellId: 's1',
      room,
      floor: Number(room[0]),
      area: 8000,
      areaSource: 'registered',
      id: `u${room}`,
    });
    await client.command({ type: 'resident.moveIn', unitId: `u${room}`, id: `r${room}`, date: '2020-01-01' });
  }
}

/** 福泰大厦's setup through the API: {@link addDoormanStairwell}, fund `door`, charge `wage`. */
export async function setUpDoormanWage(client: OrganizerClient, wage: number, dueDay: number): Promise<void> {
  await addDoormanStairwell(client);
  await client.command({ type: 'fund.open', id: 'door', name: '门卫工资', budget: 0 });
  await client.command({
    type: 'charge.define',
    id: 'wage',
    fundId: 'door',
    name: '门卫工资',
    monthlyAmount: wage,
    scope: { kind: 'stairwell', id: 's1' },
    start: '2028-01',
    dueDay,
  });
}

/** Polls until `count` months are billed (or 20 s pass), then a few more scheduler rounds; returns them. */
export async function billedOnceSettled(client: OrganizerClient, count: number): Promise<string[]> {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const until = Date.now() + 20_000;
  while ((await client.billedMonths()).length < count && Date.now() < until) await sleep(200);
  await sleep(600); // several more rounds: nothing is billed twice
  return client.billedMonths();
}
