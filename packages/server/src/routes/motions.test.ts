import { createGovernance, fixedClock, type LinliError, MemoryStore, type MotionExport } from '@linli/core';
import { executeAll, stairwellCommands } from '@linli/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { SqliteAuthStore } from '../auth/sqlite-auth-store.js';
import type { HostedCommunity } from '../http/env.js';
import type { MotionHistoryAnswer } from './motions.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const closesAt = '2026-12-20T10:00:00Z';
const OFFICE = 'residents-committee';

/** Six households of stairwell `s1` (96号楼), an organizer and the session of household `u101`. */
async function community() {
  const store = new MemoryStore();
  const clock = fixedClock('2026-11-30T02:00:00Z');
  const governance = await createGovernance({ store, clock, actor: OFFICE });
  await executeAll(governance, stairwellCommands({ households: 6, residents: true, since: '2020-01-01' }));
  const auth = SqliteAuthStore.open(':memory:', 'nfk');
  const { token } = await auth.addOrganizer('王主任', OFFICE);
  const session = await auth.redeem(await auth.issueInviteCode('u101'));
  if (!session) throw new Error('the invite code was not redeemed');
  const hosted: HostedCommunity = { id: 'nfk', store, governance, auth, origins: [] };
  closers.push(async () => {
    governance.dispose();
    await auth.close();
  });
  const app = createApp(new Map([['nfk', hosted]]), { clock, organizerActor: OFFICE });
  const get = (path: string, as: string | null = token) =>
    app.request(`/c/nfk/motions/${path}`, as === null ? {} : { headers: { authorization: `Bearer ${as}` } });
  const command = (body: unknown) =>
    app.request('/c/nfk/commands', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ command: body }),
    });
  return { app, governance, clock, store, get, command, household: session.token };
}

type Setup = Awaited<ReturnType<typeof community>>;

/** Drafts and opens motion `id` over the stairwell's households (two thirds must take part). */
async function openMotion(setup: Setup, id: string, fields: Record<string, unknown>) {
  await executeAll(setup.governance, [
    {
      type: 'motion.draft',
      id,
      scope: { kind: 'stairwell', id: 's1' },
      basis: 'households',
      rule: 'twoThirdsTurnout',
      closesAt,
      ...fields,
    },
    { type: 'motion.open', motionId: id },
  ]);
}

const errorOf = async (response: Response) => ((await response.json()) as { error: LinliError }).error;

/** RFC 4180, read independently of the writer: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) throw new Error('the last record does not end in CRLF');
  return rows;
}

/** BLT as OpenSTV reads it: `candidates seats`, ballots `weight c1 c2 … 0`, `0`, quoted names, quoted title. */
function parseBlt(text: string) {
  let at = 0;
  const skipSpace = () => {
    while (/\s/.test(text[at] ?? '')) at++;
  };
  const number = () => {
    skipSpace();
    const match = /^\d+/.exec(text.slice(at));
    if (!match) throw new Error(`a number expected at ${at}`);
    at += match[0].length;
    return Number(match[0]);
  };
  const quoted = () => {
    skipSpace();
    if (text[at] !== '"') throw new Error(`a quoted string expected at ${at}`);
    let value = '';
    for (at++; text[at] !== '"'; at++) {
      if (at >= text.length) throw new Error('an unterminated string');
      if (text[at] === '\\') at++;
      value += text[at];
    }
    at++;
    return value;
  };
  const candidates = number();
  const seats = number();
  const ballots: { weight: number; ranking: number[] }[] = [];
  for (let weight = number(); weight !== 0; weight = number()) {
    const ranking: number[] = [];
    for (let c = number(); c !== 0; c = number()) ranking.push(c);
    ballots.push({ weight, ranking });
  }
  const names = Array.from({ length: candidates }, quoted);
  const title = quoted();
  skipSpace();
  if (at !== text.length) throw new Error('text after the title');
  return { candidates, seats, ballots, names, title };
}

/** A CSV download's text, after checking that it starts with the UTF-8 byte-order mark Excel needs. */
async function csvText(response: Response): Promise<string> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
}

/** The name a browser saves under: the RFC 5987 `filename*`, decoded. */
function savedName(response: Response): string {
  const header = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;\s]+)/.exec(header)?.[1];
  if (!star) throw new Error(`no filename* in ${header}`);
  expect(star).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/); // attr-char and %XX only
  return decodeURIComponent(star);
}

describe('per-motion exports', () => {
  it('CSV of a public motion: BOM, CRLF, one row per ballot, quotes and CJK round-trip', async () => {
    const setup = await community();
    const title = '外墙颜色 "一期", 征询';
    await openMotion(setup, 'colour', {
      title,
      kind: 'single',
      options: [
        { id: 'a', label: '米白, "暖色"' },
        { id: 'b', label: '浅灰' },
      ],
    });
    await executeAll(setup.governance, [
      { type: 'ballot.cast', motionId: 'colour', voterId: 'u101', option: 'a' },
      { type: 'ballot.cast', motionId: 'colour', voterId: 'u102', option: 'b', paperRef: '纸-002' },
      { type: 'ballot.cast', motionId: 'colour', voterId: 'u201', option: 'a' },
    ]);
    const response = await setup.get('colour/export.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-disposition')).toContain('attachment; filename="motion-colour.csv"');
    expect(savedName(response)).toBe('外墙颜色 _一期_, 征询-colour.csv');
    const text = await csvText(response);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/\r|\n/);
    const [header, ...rows] = parseCsv(text);
    expect(header?.[0]).toBe('房号 Room');
    expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[4], r[5]])).toEqual([
      ['96号楼 101', 'u101', '75.00', '米白, "暖色"', 'direct', ''],
      ['96号楼 102', 'u102', '75.00', '浅灰', 'paper', '纸-002'],
      ['96号楼 201', 'u201', '75.00', '米白, "暖色"', 'direct', ''],
    ]);
  });

  it('a secret motion: totals only before and after close; BLT withheld until close, then anonymous', async () => {
    const setup = await community();
    const options = [
      { id: 'x', label: '方案甲' },
      { id: 'y', label: '方案乙' },
      { id: 'z', label: '方案丙' },
    ];
    await openMotion(setup, 'design', {
      title: '休息区设计',
      kind: 'ranked',
      method: 'schulze',
      options,
      secrecy: 'secret',
    });
    const rankings = [
      ['x', 'y', 'z'],
      ['y', 'x', 'z'],
      ['x', 'z', 'y'],
      ['z', 'x', 'y'],
    ];
    const voters = ['u101', 'u102', 'u201', 'u202'];
    for (const [i, voterId] of voters.entries())
      await executeAll(setup.governance, [
        { type: 'ballot.cast', motionId: 'design', voterId, ranking: rankings[i] },
      ]);
    const hidden = await setup.get('design/export.blt');
    expect(hidden.status).toBe(409);
    expect((await errorOf(hidden)).code).toBe('motion.ballots_hidden');

    const named = (text: string) => voters.some((v) => text.includes(v)) || text.includes('household:');
    const before = await csvText(await setup.get('design/export.csv'));
    expect(parseCsv(before)[0]).toEqual(['选项 Option', '合计 Total', '面积 Area (m²)']);
    expect(named(before)).toBe(false);

    setup.clock.set(closesAt);
    await executeAll(setup.governance, [{ type: 'motion.close', motionId: 'design' }]);
    const csv = await csvText(await setup.get('design/export.csv'));
    expect(named(csv)).toBe(false);
    const rows = parseCsv(csv);
    expect(rows.at(-1)?.slice(0, 2)).toEqual(['参与投票 Voted', '4']);
    expect(rows.slice(1, -1).map((r) => r[0])).toEqual(options.map((o) => o.label));

    const json = (await (await setup.get('design/export.json')).json()) as MotionExport;
    expect(json.format).toBe('linli-motion');
    expect(json.ballots).toHaveLength(4);
    for (const b of json.ballots)
      expect([b.voterId, b.castBy, b.at, b.channel]).toEqual(['', '', '', 'withheld']);
    expect(JSON.stringify(json.ballots).match(/u[12]0[12]/)).toBeNull();

    const blt = parseBlt(await (await setup.get('design/export.blt')).text());
    expect(blt).toMatchObject({
      candidates: 3,
      seats: 1,
      names: ['方案甲', '方案乙', '方案丙'],
      title: '休息区设计',
    });
    const ids = options.map((o) => o.id);
    const cast = rankings.map((r) => r.map((id) => ids.indexOf(id) + 1).join(' ')).sort();
    expect(blt.ballots.map((b) => b.ranking.join(' ')).sort()).toEqual(cast);
    expect(blt.ballots.every((b) => b.weight === 1)).toBe(true);
  });

  it('BLT of a public ranked motion parses back: quotes and backslashes in names and title', async () => {
    const setup = await community();
    await openMotion(setup, 'head', {
      title: '楼组长 "2027" \\ 选举',
      kind: 'ranked',
      method: 'stv',
      seats: 1,
      options: [
        { id: 'zhang', label: '张"阿姨"' },
        { id: 'li', label: '李\\师傅' },
      ],
    });
    await executeAll(setup.governance, [
      { type: 'ballot.cast', motionId: 'head', voterId: 'u101', ranking: ['li', 'zhang'] },
      { type: 'ballot.cast', motionId: 'head', voterId: 'u102', ranking: ['zhang'] },
    ]);
    const response = await setup.get('head/export.blt');
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(savedName(response)).toBe('楼组长 _2027_ _ 选举-head.blt');
    expect(parseBlt(await response.text())).toEqual({
      candidates: 2,
      seats: 1,
      ballots: [
        { weight: 1, ranking: [2, 1] },
        { weight: 1, ranking: [1] },
      ],
      names: ['张"阿姨"', '李\\师傅'],
      title: '楼组长 "2027" \\ 选举',
    });
  });

  it('refuses BLT for a motion that is not ranked (409), and an unknown motion on every route (404)', async () => {
    const setup = await community();
    await openMotion(setup, 'colour', {
      title: '外墙颜色',
      kind: 'single',
      options: [
        { id: 'a', label: '米白' },
        { id: 'b', label: '浅灰' },
      ],
    });
    const notRanked = await setup.get('colour/export.blt');
    expect([notRanked.status, (await errorOf(notRanked)).code]).toEqual([409, 'motion.export_needs_ranked']);
    for (const route of ['history', 'export.json', 'export.csv', 'export.blt']) {
      const missing = await setup.get(`nothing/${route}`);
      expect([missing.status, (await errorOf(missing)).code], route).toEqual([404, 'entity.not_found']);
    }
  });

  it('is the organizer’s only: a household gets 403, nobody signed in 401', async () => {
    const setup = await community();
    await openMotion(setup, 'colour', {
      title: '外墙颜色',
      kind: 'ranked',
      method: 'irv',
      options: [
        { id: 'a', label: '米白' },
        { id: 'b', label: '浅灰' },
      ],
    });
    for (const route of ['history', 'export.json', 'export.csv', 'export.blt']) {
      const refused = await setup.get(`colour/${route}`, setup.household);
      expect([refused.status, (await errorOf(refused)).code], route).toEqual([403, 'auth.forbidden']);
      expect((await setup.get(`colour/${route}`, null)).status, route).toBe(401);
      expect((await setup.get(`colour/${route}`)).status, route).toBe(200);
    }
  });
});

describe('a motion’s history over HTTP', () => {
  it('says who drafted, opened, extended and cancelled it, and when', async () => {
    const setup = await community();
    await openMotion(setup, 'colour', {
      title: '外墙颜色',
      kind: 'score',
      options: [
        { id: 'a', label: '米白' },
        { id: 'b', label: '浅灰' },
      ],
    });
    expect(
      (await setup.command({ type: 'motion.extend', motionId: 'colour', closesAt: '2026-12-27T10:00:00Z' }))
        .status,
    ).toBe(200);
    setup.clock.set('2026-12-01T00:00:00Z');
    expect(
      (await setup.command({ type: 'motion.cancel', motionId: 'colour', reason: '设计单位更换' })).status,
    ).toBe(200);
    const answer = (await (await setup.get('colour/history')).json()) as MotionHistoryAnswer;
    expect(answer.motionId).toBe('colour');
    expect(answer.history.map((h) => [h.action, h.actor.split('/')[0], h.at])).toEqual([
      ['drafted', OFFICE, '2026-11-30T02:00:00.000Z'],
      ['opened', OFFICE, '2026-11-30T02:00:00.000Z'],
      ['extended', OFFICE, '2026-11-30T02:00:00.000Z'],
      ['cancelled', OFFICE, '2026-12-01T00:00:00.000Z'],
    ]);
    // The organizer who acted is named, not only the office.
    expect(answer.history[2]?.actor).toMatch(new RegExp(`^${OFFICE}/.+`));
    expect(answer.history[3]).toMatchObject({ reason: '设计单位更换' });
  });
});
