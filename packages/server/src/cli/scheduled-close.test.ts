import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEDULER_ACTOR } from '@linli/core';
import { afterAll, describe, expect, it } from 'vitest';
import type { MotionHistoryAnswer } from '../routes/motions.js';
import { type RunningServer, startServer } from '../testing/run-server.js';

const dir = mkdtempSync(join(tmpdir(), 'linli-scheduled-close-'));
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a motion whose deadline passes closes by itself on a served community', () => {
  it('closes at its extended deadline as the scheduler, with no organizer action, and its history says so', async () => {
    // Due work every 0.2 s, as an operator may set it; the default is every 30 s.
    server = await startServer(dir, { LINLI_DUE_WORK_SECONDS: '0.2' });
    const { base, organizer } = server;
    const post = async (token: string, path: string, body: unknown) => {
      const response = await fetch(`${base}/c/xfkl${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
      return response.json() as Promise<Record<string, unknown>>;
    };
    const command = (token: string, body: unknown) => post(token, '/commands', { command: body });
    const history = async () => {
      const response = await fetch(`${base}/c/xfkl/motions/bikes/history`, {
        headers: { authorization: `Bearer ${organizer}` },
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as MotionHistoryAnswer).history;
    };

    const first = new Date(Date.now() + 3_000);
    const extended = new Date(first.getTime() + 3_000);
    await command(organizer, {
      type: 'motion.draft',
      id: 'bikes',
      title: '非机动车棚加装充电桩',
      kind: 'proposal',
      scope: { kind: 'stairwell', id: 's1' },
      basis: 'households',
      rule: 'simpleMajority',
      closesAt: first.toISOString(),
    });
    await command(organizer, { type: 'motion.open', motionId: 'bikes' });
    await command(organizer, { type: 'motion.extend', motionId: 'bikes', closesAt: extended.toISOString() });
    const { token } = (await post('', '/sessions', { code: server.codes.u102 })) as { token: string };
    await command(token, { type: 'ballot.cast', motionId: 'bikes', voterId: 'u102', vote: 'yes' });

    // A second past the first deadline, many rounds of due work later: still open.
    while (Date.now() < first.getTime() + 1_000) await sleep(100);
    expect((await history()).map((h) => h.action)).not.toContain('closed');

    const deadline = Date.now() + 30_000;
    let closed: Awaited<ReturnType<typeof history>>[number] | undefined;
    while (!closed && Date.now() < deadline) {
      await sleep(200);
      closed = (await history()).find((h) => h.action === 'closed');
    }
    expect(closed).toMatchObject({
      action: 'closed',
      actor: SCHEDULER_ACTOR,
      early: false,
      outcome: 'passed',
    });
    expect(Date.parse(closed?.at ?? '')).toBeGreaterThanOrEqual(extended.getTime());
    const steps = await history();
    expect(steps.map((h) => h.action)).toEqual(['drafted', 'opened', 'extended', 'closed']);
    // The organizer who acted is named (`<office>/<organizer id>`); the close is nobody's but the scheduler's.
    const signedIn = steps[0]?.actor ?? '';
    expect(signedIn).toMatch(/^[^/]+\/.+$/);
    expect(steps.map((h) => h.actor)).toEqual([signedIn, signedIn, signedIn, SCHEDULER_ACTOR]);
    // Exactly one close in the log, the scheduler's.
    const closes = (await server.log()).filter((e) => e.type === 'motion.closed');
    expect(closes.filter((e) => (e.payload as { motionId: string }).motionId === 'bikes')).toHaveLength(1);
  }, 60_000);
});
