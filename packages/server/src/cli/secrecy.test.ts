import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashEvent, type LoggedEvent, type LogHead, type PublishedView, readEventStream } from '@linli/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  guessedBallot,
  millisecondsBetween,
  recoverBallots,
  secretElection,
} from '../testing/ballot-attack.js';
import { type RunningServer, startServer } from '../testing/run-server.js';

let dir: string;
let server: RunningServer;
/** Every public byte the attacker read: view bodies, ETags, the head stream, error bodies. */
const published: string[] = [];
const heads: LogHead[] = [];
const windows: string[] = [];
let view: PublishedView;

const organizerPost = (command: unknown, token = server.organizer) =>
  fetch(`${server.base}/c/xfkl/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ command }),
  });

/** Reads the public view as anyone may, keeping its body and ETag. */
async function readPublicView(): Promise<PublishedView> {
  const response = await fetch(`${server.base}/c/xfkl/view`);
  const body = await response.text();
  published.push(body, response.headers.get('etag') ?? '');
  return JSON.parse(body) as PublishedView;
}

/** Waits until `condition` holds (expect.poll is for tests, and this is set-up). */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 10_000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'linli-secrecy-'));
  server = await startServer(join(dir, 'data'));
  // The attacker follows the public head stream from the start, with no token.
  const stream = new AbortController();
  const following = fetch(`${server.base}/c/xfkl/stream`, { signal: stream.signal })
    .then((response) =>
      readEventStream(response, ({ event, data }) => {
        published.push(`event: ${event}\ndata: ${data}`);
        if (event === 'head') heads.push(JSON.parse(data) as LogHead);
      }),
    )
    .catch(() => undefined); // aborted at the end
  await until(() => heads.length === 1);
  const opened = [
    secretElection(
      'secret-head',
      'b96',
      { zhang: '张阿姨', li: '李师傅', chen: '陈老师' },
      '2027-12-05T10:00:00Z',
    ),
    { type: 'motion.open', motionId: 'secret-head' },
  ];
  for (const command of opened) expect((await organizerPost(command)).status).toBe(200);
  // Codes for two more households, issued as an organizer would (the start prints three).
  const issued = await fetch(`${server.base}/c/xfkl/invites`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.organizer}` },
    body: JSON.stringify({ units: ['u201', 'u301'] }),
  });
  const codes: Record<string, string | undefined> = { ...server.codes };
  for (const { unitId, code } of ((await issued.json()) as { invites: { unitId: string; code: string }[] })
    .invites)
    codes[unitId] = code;
  const signIn = async (unit: string) => {
    const response = await fetch(`${server.base}/c/xfkl/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: codes[unit] }),
    });
    return ((await response.json()) as { token: string }).token;
  };
  const households = {
    u102: await signIn('u102'),
    u501: await signIn('u501'),
    u201: await signIn('u201'),
    u301: await signIn('u301'),
  };
  // Four households vote secretly from their phones, and 102 changes its mind. (Direct ballots are
  // the attacker's best case: an organizer's paper ballot also hides its paper's reference.)
  for (const [voterId, option, token] of [
    ['u102', 'zhang', households.u102],
    ['u501', 'li', households.u501],
    ['u201', 'chen', households.u201],
    ['u301', 'zhang', households.u301],
    ['u102', 'chen', households.u102],
  ] as const) {
    const before = new Date();
    const cast = await organizerPost(
      { type: 'ballot.cast', motionId: 'secret-head', voterId, option },
      token,
    );
    const after = new Date();
    expect(cast.status).toBe(200);
    windows.push(...millisecondsBetween(before, after));
    const { seq } = ((await cast.json()) as { events: LoggedEvent[] }).events.at(-1) as LoggedEvent;
    await until(() => heads.at(-1)?.seq === seq); // each head heard on its own
    view = await readPublicView();
  }
  // Refusals are public too: no token, a forged token, a bad command.
  published.push(await (await fetch(`${server.base}/c/xfkl/events`)).text());
  published.push(await (await organizerPost({ type: 'ballot.cast' }, 'forged')).text());
  published.push(
    await (await organizerPost({ type: 'ballot.cast', motionId: 'nope' }, households.u102)).text(),
  );
  stream.abort();
  await following;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('secret ballots against a real linli-server (issue #13, point 1)', () => {
  it('an outsider who knows the roll, the options and the times to the millisecond recovers 0 ballots', async () => {
    const motion = view.motions.find((m) => m.id === 'secret-head');
    const space = {
      motionId: 'secret-head',
      voters: (motion?.electorate ?? []).map((v) => ({ id: v.id, unitIds: v.unitIds })),
      choices: [0, 1, 2].map((option) => ({ kind: 'single', option })),
      times: windows,
    };
    const fragments = published.flatMap((text) => text.match(/[0-9a-f]{16,64}/g) ?? []);
    expect(recoverBallots(heads, space, fragments)).toEqual([]);

    // A fair test: every ballot's head was heard right after its predecessor, and the guesses did
    // contain the true ballot — only its salt, which nothing public reveals, was missing.
    const ballots = (await server.log()).filter((e) => e.type === 'ballot.cast');
    const cast = ballots.filter((e) => (e.payload as { motionId: string }).motionId === 'secret-head');
    expect(cast).toHaveLength(5);
    for (const event of cast) {
      expect(heads.map((h) => h.seq)).toEqual(expect.arrayContaining([event.seq - 1, event.seq]));
      const { ballot } = event.payload as { ballot: { voterId: string; choice: unknown } };
      expect(space.times).toContain(event.at);
      expect(space.choices).toContainEqual(ballot.choice);
      const guess = guessedBallot('secret-head', event, { ...ballot, actor: event.actor, at: event.at });
      expect(hashEvent({ ...guess, v: 2, salt: event.salt as string })).toBe(event.hash);
    }
  });

  it('publishes no salt and no signing key: not in the view, the stream, an ETag or an error', async () => {
    const salts = (await server.log()).map((e) => e.salt).filter((s): s is string => s !== undefined);
    expect(salts.length).toBeGreaterThan(100);
    const pem = readFileSync(join(dir, 'data', 'signing-key.pem'), 'utf8');
    const seed = Buffer.from(createPrivateKey(pem).export({ format: 'jwk' }).d ?? '', 'base64url');
    const secrets = [
      ...salts,
      seed.toString('hex'),
      seed.toString('base64'),
      seed.toString('base64url'),
      ...pem.split('\n').filter((line) => line.length > 20),
    ];
    const everything = published.join('\n');
    expect(published.length).toBeGreaterThan(15);
    for (const secret of secrets) expect(everything).not.toContain(secret);
    expect(everything).not.toContain('"salt"');
  });
});
