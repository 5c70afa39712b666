import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import type { EventStore, LinliError } from '@linli/core';
import {
  connectLiveView,
  createGovernance,
  err,
  HttpStore,
  type LoggedEvent,
  linliError,
  MemoryStore,
  type PublishedView,
  type Snapshot,
  verify,
} from '@linli/core';
import { seedScenario } from '@linli/core/seed';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, type HostedCommunity } from './app.js';
import type { AuthStore } from './auth/auth-store.js';
import { PostgresAuthStore } from './auth/postgres-auth-store.js';
import { SqliteAuthStore } from './auth/sqlite-auth-store.js';
import { PostgresStore } from './stores/postgres-store.js';
import { SqliteStore } from './stores/sqlite-store.js';
import { createDatabase, startPostgres } from './testing/postgres-cluster.js';

const ORIGIN = 'https://xinfukangli.example';

/** The same HTTP suite runs on each durable store: the embedded default and PostgreSQL. */
const backends: {
  name: string;
  open: (dir: string) => Promise<{ store: EventStore; auth: AuthStore; close: () => Promise<void> }>;
}[] = [
  {
    name: 'HTTP API on SQLite',
    open: async (dir) => {
      const store = SqliteStore.open(join(dir, 'log.sqlite'), 'xfkl');
      const auth = SqliteAuthStore.open(join(dir, 'auth.sqlite'), 'xfkl');
      return { store, auth, close: async () => store.close() };
    },
  },
  {
    name: 'HTTP API on PostgreSQL (a real server on a loopback port)',
    open: async () => {
      const cluster = await startPostgres();
      const url = await createDatabase(cluster.url, 'linli_http');
      const store = await PostgresStore.open(url, 'xfkl');
      const auth = await PostgresAuthStore.open(url, 'xfkl');
      return {
        store,
        auth,
        close: async () => {
          await store.close();
          cluster.stop();
        },
      };
    },
  },
];

for (const backend of backends)
  describe(backend.name, () => {
    let dir: string;
    let base: string;
    let close: () => Promise<void>;
    let closeStore: () => Promise<void>;
    let community: HostedCommunity;
    let organizer: string;
    const codes: Record<string, string> = {};

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'linli-http-'));
      const opened = await backend.open(dir);
      closeStore = opened.close;
      const store = opened.store;
      // As linli-server runs it: commands arriving together share one commit.
      const governance = await createGovernance({ store, groupCommit: true });
      await seedScenario(governance);
      const auth = opened.auth;
      organizer = await auth.issueOrganizerToken();
      for (const unit of ['u102', 'u602', 'u302', 'u402', 'u601', 'u501', 'u301', 'u202'])
        codes[unit] = await auth.issueInviteCode(unit);
      community = { id: 'xfkl', store, governance, auth, origins: [ORIGIN] };
      const app = createApp(new Map([['xfkl', community]]), { maxBody: 4096, codeAttemptsPerMinute: 30 });
      const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
      await new Promise<void>((resolve) => server.once('listening', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      close = () => new Promise((resolve) => server.close(() => resolve()));
    });

    afterAll(async () => {
      await close();
      community.governance.dispose();
      await community.auth.close();
      await closeStore();
      rmSync(dir, { recursive: true, force: true });
    });

    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });

    const session = async (code: string) => {
      const response = await post('/c/xfkl/sessions', { code });
      expect(response.status).toBe(200);
      return ((await response.json()) as { token: string }).token;
    };

    const logLength = async () => (await community.store.read()).length;

    /** Expects a refusal with this status and code, a bilingual message, and no new event. */
    async function refused(response: Response, status: number, code: string, before: number) {
      expect(response.status).toBe(status);
      const body = (await response.json()) as { error: { code: string; message: Record<string, string> } };
      expect(body.error.code).toBe(code);
      expect(body.error.message['zh-CN']).toBeTruthy();
      expect(body.error.message.en).toBeTruthy();
      expect(await logLength()).toBe(before);
    }

    const ballot = (voterId: string, extra: Record<string, unknown> = {}) => ({
      command: { type: 'ballot.cast', motionId: 'lift', voterId, vote: 'yes', ...extra },
    });

    describe('reading', () => {
      it('keeps the log and the snapshot to the organizer, and serves a health check', async () => {
        expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ ok: true });
        const asOrganizer = { headers: { Authorization: `Bearer ${organizer}` } };
        const all = (await (await fetch(`${base}/c/xfkl/events`, asOrganizer)).json()) as {
          events: LoggedEvent[];
        };
        expect(verify(all.events)).toMatchObject({ ok: true });
        const tail = (await (await fetch(`${base}/c/xfkl/events?after=10`, asOrganizer)).json()) as {
          events: LoggedEvent[];
        };
        expect(tail.events[0]?.seq).toBe(11);
        expect(tail.events.length).toBe(all.events.length - 10);
        // The snapshot resumes a governance that reads only what came after it.
        const snapshot = (await (await fetch(`${base}/c/xfkl/snapshot`, asOrganizer)).json()) as Snapshot;
        expect(snapshot.head).toEqual({ seq: all.events.at(-1)?.seq, hash: all.events.at(-1)?.hash });
        const resumed = await createGovernance({ store: new MemoryStore(all.events), snapshot });
        expect(resumed.tally('lift')).toEqual(community.governance.tally('lift'));
        // The log holds secret ballots and residents' details: nobody else reads it.
        const household = { headers: { Authorization: `Bearer ${await session(codes.u501 ?? '')}` } };
        const n = all.events.length;
        for (const path of ['/c/xfkl/events', '/c/xfkl/snapshot']) {
          await refused(await fetch(`${base}${path}`), 401, 'auth.required', n);
          await refused(await fetch(`${base}${path}`, household), 403, 'auth.forbidden', n);
          await refused(
            await fetch(`${base}${path}`, { headers: { Authorization: 'Bearer forged' } }),
            401,
            'auth.required',
            n,
          );
        }
        await refused(await fetch(`${base}/c/nowhere/events`, asOrganizer), 404, 'http.not_found', n);
      });

      it('sends security headers', async () => {
        const response = await fetch(`${base}/healthz`);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-frame-options')).toBeTruthy();
      });

      it('allows only the listed embedding origins', async () => {
        const allowed = await fetch(`${base}/c/xfkl/view`, { headers: { Origin: ORIGIN } });
        expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
        // Any other site may read what needs no token, as anyone could with curl…
        const other = await fetch(`${base}/c/xfkl/view`, { headers: { Origin: 'https://evil.example' } });
        expect(other.headers.get('access-control-allow-origin')).toBe('*');
        // …but a write from its page is refused outright, even with a valid token.
        const before = await logLength();
        await refused(
          await post('/c/xfkl/commands', ballot('o101'), {
            Authorization: `Bearer ${organizer}`,
            Origin: 'https://evil.example',
          }),
          403,
          'http.origin',
          before,
        );
      });
    });

    describe('households and organizers', () => {
      it('lets a household vote for itself, live over SSE, and refuses a replayed code', async () => {
        const token = await session(codes.u102 ?? '');
        const after = await logLength();
        const open = (headers: Record<string, string> = {}) =>
          fetch(`${base}/c/xfkl/stream?after=${after}`, { headers }).then((r) => r.body?.getReader());
        /** Reads a stream until it has announced `seq`. */
        const until = async (reader: Awaited<ReturnType<typeof open>>, seq: number | undefined) => {
          let heard = '';
          while (!heard.includes(`id: ${seq}\n`)) {
            const chunk = await reader?.read();
            if (!chunk || chunk.done) break;
            heard += new TextDecoder().decode(chunk.value);
          }
          await reader?.cancel();
          return heard;
        };
        const [publicStream, organizerStream] = [
          await open(),
          await open({ Authorization: `Bearer ${organizer}` }),
        ];
        const cast = await post('/c/xfkl/commands', ballot('o102'), { Authorization: `Bearer ${token}` });
        expect(cast.status).toBe(200);
        const { events } = (await cast.json()) as { events: LoggedEvent[] };
        expect(events[0]).toMatchObject({ type: 'ballot.cast', actor: 'household:u102' });
        // The public hears the new head, not who voted or how; the organizer hears the event itself.
        const heard = await until(publicStream, events[0]?.seq);
        expect(heard).toContain('event: head\n');
        expect(heard).toContain(`data: {"seq":${events[0]?.seq},"hash":"${events[0]?.hash}"}\n`);
        expect(heard).not.toContain('ballot.cast');
        expect(heard).not.toContain('o102');
        const full = await until(organizerStream, events[0]?.seq);
        expect(full).toContain('event: events');
        expect(full).toContain('"ballot.cast"');
        expect(community.governance.voted('lift')).toContain('o102');

        const before = await logLength();
        await refused(await post('/c/xfkl/sessions', { code: codes.u102 }), 401, 'auth.bad_code', before);
      });

      it('refuses a forged voter, a proxy or paper ballot from a household, and an anonymous command', async () => {
        const token = await session((codes.u602 ?? '').toLowerCase().replace('-', ' '));
        const auth = { Authorization: `Bearer ${token}` };
        const before = await logLength();
        await refused(await post('/c/xfkl/commands', ballot('o302'), auth), 403, 'auth.forbidden', before);
        await refused(
          await post('/c/xfkl/commands', ballot('developer', { paperRef: '纸质票' }), auth),
          403,
          'auth.forbidden',
          before,
        );
        await refused(
          await post('/c/xfkl/commands', { command: { type: 'motion.open', motionId: 'lift' } }, auth),
          403,
          'auth.forbidden',
          before,
        );
        await refused(await post('/c/xfkl/commands', ballot('developer')), 401, 'auth.required', before);
        await refused(
          await post('/c/xfkl/commands', ballot('developer'), { Authorization: 'Bearer forged' }),
          401,
          'auth.required',
          before,
        );
      });

      it('lets a household vote as the holder of a registered proxy, and only for that voter', async () => {
        const asOrganizer = { Authorization: `Bearer ${organizer}` };
        const granted = await post(
          '/c/xfkl/commands',
          {
            command: {
              type: 'proxy.grant',
              motionId: 'lift',
              voterId: 'o201',
              holder: 'o301',
              paperRef: '委托书-7',
            },
          },
          asOrganizer,
        );
        expect(granted.status).toBe(200);
        const proxyId = ((await granted.json()) as { events: LoggedEvent[] }).events[0]?.payload as {
          proxyId: string;
        };
        const holder = { Authorization: `Bearer ${await session(codes.u301 ?? '')}` };
        const other = { Authorization: `Bearer ${await session(codes.u202 ?? '')}` };
        const before = await logLength();
        // Not the holder, or the holder voting for someone the proxy does not name: refused.
        await refused(
          await post('/c/xfkl/commands', ballot('o201', { proxyId: proxyId.proxyId }), other),
          403,
          'auth.forbidden',
          before,
        );
        await refused(
          await post('/c/xfkl/commands', ballot('o202', { proxyId: proxyId.proxyId }), holder),
          403,
          'auth.forbidden',
          before,
        );
        const cast = await post('/c/xfkl/commands', ballot('o201', { proxyId: proxyId.proxyId }), holder);
        expect(cast.status).toBe(200);
        expect(community.governance.ballots('lift').find((b) => b.voterId === 'o201')).toMatchObject({
          channel: 'proxy',
          proxyId: proxyId.proxyId,
        });
      });

      it("passes the core's refusals through unchanged and appends nothing", async () => {
        const before = await logLength();
        const auth = { Authorization: `Bearer ${organizer}` };
        const closed = await post(
          '/c/xfkl/commands',
          {
            command: {
              type: 'ballot.cast',
              motionId: 'no-such-motion',
              voterId: 'o101',
              vote: 'yes',
              paperRef: 'P-1',
            },
          },
          auth,
        );
        expect(closed.status).toBe(400);
        expect(((await closed.json()) as { error: { code: string } }).error.code).toBe('entity.not_found');
        const invalid = await post(
          '/c/xfkl/commands',
          { command: { type: 'ballot.cast', motionId: 'lift', paperRef: 'P-2' } },
          auth,
        );
        expect(invalid.status).toBe(400);
        expect(await logLength()).toBe(before);
      });

      it('lets the organizer enter a paper ballot, once per idempotency key', async () => {
        const auth = { Authorization: `Bearer ${organizer}`, 'Idempotency-Key': 'paper-602' };
        const body = ballot('developer', { paperRef: '纸质表决票 No.31' });
        const first = await post('/c/xfkl/commands', body, auth);
        expect(first.status).toBe(200);
        const firstBody: unknown = await first.json();
        const before = await logLength();
        const retry = await post('/c/xfkl/commands', body, auth);
        expect(await retry.json()).toEqual(firstBody);
        expect(await logLength()).toBe(before);
        expect(verify(await community.store.read())).toMatchObject({ ok: true });

        // The key lives in the store, not in this server's memory: a restarted server (a fresh app
        // and governance on the same log) answers the retry the same way.
        const restarted = await createGovernance({ store: community.store });
        const again = createApp(new Map([['xfkl', { ...community, governance: restarted }]]));
        const response = await again.request('/c/xfkl/commands', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...auth },
          body: JSON.stringify(body),
        });
        expect(await response.json()).toEqual(firstBody);
        expect(await logLength()).toBe(before);
        restarted.dispose();
      });
      it('answers concurrent retries of one request alike and appends it once', async () => {
        // A phone on a bad line sends the same ballot five times before the first answer arrives.
        const auth = { Authorization: `Bearer ${organizer}`, 'Idempotency-Key': 'flaky-501' };
        const before = await logLength();
        const answers = await Promise.all(
          Array.from({ length: 5 }, () =>
            post(
              '/c/xfkl/commands',
              ballot('o-wang', { vote: 'abstain', paperRef: '纸质票 No.501' }),
              auth,
            ).then(async (r) => ({
              status: r.status,
              body: (await r.json()) as { events: LoggedEvent[] },
            })),
          ),
        );
        expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
        for (const a of answers) expect(a.body).toEqual(answers[0]?.body);
        expect(await logLength()).toBe(before + 1);
      });
    });

    describe('live views (what the widgets use)', () => {
      it('lets an organizer follow the whole log as a store: a live replica that verifies and cannot append', async () => {
        const store = new HttpStore(`${base}/c/xfkl/`, { token: organizer, retryDelay: 50 });
        const replica = await createGovernance({ store }); // reads and verifies the whole chain
        expect(replica.head.value).toEqual(community.governance.head.value);
        expect(replica.tally('lift')).toEqual(community.governance.tally('lift'));
        const cast = await post(
          '/c/xfkl/commands',
          ballot('o401', { vote: 'no', paperRef: '纸质票 No.401' }),
          {
            Authorization: `Bearer ${organizer}`,
          },
        );
        expect(cast.status).toBe(200);
        await expect.poll(() => replica.head.value.seq).toBe(community.governance.head.value.seq);
        expect(replica.ballots('lift').find((b) => b.voterId === 'o401')?.choice).toMatchObject({
          vote: 'no',
        });
        expect(await replica.verify()).toMatchObject({ ok: true });
        const before = await logLength();
        const refused = await replica.execute({
          type: 'ballot.cast',
          motionId: 'lift',
          voterId: 'o401',
          vote: 'yes',
        });
        expect(refused.ok || refused.error.code).toBe('view.read_only');
        expect(await logLength()).toBe(before);
        replica.dispose();
        // Without the organizer's token there is no log to follow.
        await expect(
          createGovernance({ store: new HttpStore(`${base}/c/xfkl`, { token: 'forged' }) }),
        ).rejects.toMatchObject({ error: { code: 'auth.required' } });
      });

      it("follows the server live and sends its household's commands", async () => {
        const live = connectLiveView(`${base}/c/xfkl/`);
        await live.ready;
        expect(live.tally('lift')).toBeDefined();
        expect(live.head.value.seq).toBe(await logLength());
        await expect.poll(() => live.connected.value).toBe(true);

        // Another household votes elsewhere; this view hears about it without asking.
        const neighbour = await session(codes.u601 ?? '');
        const elsewhere = await post('/c/xfkl/commands', ballot('o601', { vote: 'no' }), {
          Authorization: `Bearer ${neighbour}`,
        });
        expect(elsewhere.status).toBe(200);
        await expect
          .poll(() => live.ballots('lift').find((b) => b.voterId === 'o601')?.choice)
          .toMatchObject({ vote: 'no' });

        // Without a session the server refuses; with one, the vote lands and the view already shows it.
        const anonymous = await live.execute({
          type: 'ballot.cast',
          motionId: 'lift',
          voterId: 'o402',
          vote: 'no',
        });
        expect(anonymous.ok || anonymous.error.code).toBe('auth.required');
        live.token = await session(codes.u402 ?? '');
        const mine = await live.execute({
          type: 'ballot.cast',
          motionId: 'lift',
          voterId: 'o402',
          vote: 'no',
        });
        expect(mine.ok).toBe(true);
        expect(live.ballots('lift').find((b) => b.voterId === 'o402')?.choice).toMatchObject({ vote: 'no' });
        expect(live.head.value.seq).toBe(await logLength());
        live.close();
      });
    });

    describe('hostile input', () => {
      it('refuses malformed JSON, a non-object body and a wrong content type', async () => {
        const auth = { Authorization: `Bearer ${organizer}` };
        const before = await logLength();
        await refused(await post('/c/xfkl/commands', '{"command":', auth), 400, 'http.bad_json', before);
        await refused(await post('/c/xfkl/commands', '[1,2]', auth), 400, 'http.bad_json', before);
        await refused(
          await post('/c/xfkl/commands', JSON.stringify(ballot('developer')), {
            ...auth,
            'content-type': 'text/plain',
          }),
          400,
          'http.bad_json',
          before,
        );
      });

      it('refuses an oversized body', async () => {
        const before = await logLength();
        const huge = { command: { type: 'motion.draft', title: '大'.repeat(5000) } };
        await refused(
          await post('/c/xfkl/commands', huge, { Authorization: `Bearer ${organizer}` }),
          413,
          'http.too_large',
          before,
        );
      });

      it('issues codes for a notice, voids replaced ones, signs out, and ends a lost phone’s sessions', async () => {
        type Invite = { unitId: string; room: string; floor: number; code: string };
        const asOrganizer = { Authorization: `Bearer ${organizer}` };
        const invite = async (unit: string) => {
          const response = await post('/c/xfkl/invites', { units: [unit] }, asOrganizer);
          expect(response.status).toBe(200);
          const [one] = ((await response.json()) as { invites: Invite[] }).invites;
          return one as Invite;
        };
        const first = await invite('u201');
        expect(first).toMatchObject({ unitId: 'u201', room: '201', floor: 2 });
        expect(first.code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
        const before = await logLength();
        // A reprinted notice makes the lost one worthless.
        const reprint = await invite('u201');
        await refused(await post('/c/xfkl/sessions', { code: first.code }), 401, 'auth.bad_code', before);
        const signedIn = { Authorization: `Bearer ${await session(reprint.code)}` };
        // Signing out the household's last device is refused until the resident confirms it; then
        // the session ends and replaying its token is refused.
        const warned = await fetch(`${base}/c/xfkl/sessions`, { method: 'DELETE', headers: signedIn });
        expect(warned.status).toBe(409);
        expect(((await warned.json()) as { error: LinliError }).error.code).toBe('auth.last_device');
        const out = await fetch(`${base}/c/xfkl/sessions?last=confirmed`, {
          method: 'DELETE',
          headers: signedIn,
        });
        expect(await out.json()).toEqual({ signedOut: true });
        await refused(await post('/c/xfkl/commands', ballot('o201'), signedIn), 401, 'auth.required', before);
        // A lost phone: the organizer ends the household's sessions and voids its unused code.
        const phone = { Authorization: `Bearer ${await session((await invite('u201')).code)}` };
        const unused = await invite('u201');
        const ended = await fetch(`${base}/c/xfkl/households/u201/sessions`, {
          method: 'DELETE',
          headers: asOrganizer,
        });
        expect(await ended.json()).toEqual({ revoked: 1 });
        await refused(await post('/c/xfkl/commands', ballot('o201'), phone), 401, 'auth.required', before);
        await refused(await post('/c/xfkl/sessions', { code: unused.code }), 401, 'auth.bad_code', before);
        // Only the organizer may do either, and only for households that exist.
        const household = { Authorization: `Bearer ${await session((await invite('u201')).code)}` };
        await refused(
          await post('/c/xfkl/invites', { units: ['u201'] }, household),
          403,
          'auth.forbidden',
          before,
        );
        await refused(await post('/c/xfkl/invites', { units: ['u201'] }), 401, 'auth.required', before);
        const typo = await post('/c/xfkl/invites', { units: ['u201', 'u9999'] }, asOrganizer);
        await refused(typo, 400, 'entity.not_found', before);
        await refused(
          await post('/c/xfkl/invites', { units: 'u201' }, asOrganizer),
          400,
          'validation.invalid_type',
          before,
        );
        for (const [path, headers, status, code] of [
          ['/c/xfkl/households/u201/sessions', household, 403, 'auth.forbidden'],
          ['/c/xfkl/households/u201/sessions', {}, 401, 'auth.required'],
          ['/c/xfkl/households/u9999/sessions', asOrganizer, 400, 'entity.not_found'],
          ['/c/xfkl/sessions', asOrganizer, 403, 'auth.forbidden'],
          ['/c/xfkl/sessions', {}, 401, 'auth.required'],
        ] as const)
          await refused(await fetch(`${base}${path}`, { method: 'DELETE', headers }), status, code, before);
        // None of the refusals touched the household: its session still votes.
        expect(
          await post('/c/xfkl/commands', ballot('o201', { vote: 'no' }), household).then((r) => r.status),
        ).toBe(200);
      });

      it('revokes one named organizer: its tokens are refused at once, a colleague signs in and is named', async () => {
        const before = await logLength();
        const leaving = await community.auth.addOrganizer('李伟', 'owners-committee');
        const reissued = await community.auth.reissueOrganizerToken(leaving.organizer.id);
        expect(await community.auth.revokeOrganizer(leaving.organizer.id)).toBe(true);
        expect(await community.auth.revokeOrganizer(leaving.organizer.id)).toBe(false);
        for (const token of [leaving.token, reissued?.token ?? ''])
          await refused(
            await fetch(`${base}/c/xfkl/events`, { headers: { Authorization: `Bearer ${token}` } }),
            401,
            'auth.required',
            before,
          );
        const colleague = await community.auth.addOrganizer('王阿姨', 'building-head');
        const fresh = await fetch(`${base}/c/xfkl/session`, {
          headers: { Authorization: `Bearer ${colleague.token}` },
        });
        expect(await fresh.json()).toEqual({
          organizer: true,
          id: colleague.organizer.id,
          name: '王阿姨',
          role: 'building-head',
        });
        const listed = await community.auth.organizers();
        expect(listed.find((o) => o.id === leaving.organizer.id)?.revokedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
        expect(listed.find((o) => o.id === colleague.organizer.id)?.revokedAt).toBeUndefined();
        // The organizer who signed in first keeps working: nobody is rotated out.
        expect(
          (await fetch(`${base}/c/xfkl/events`, { headers: { Authorization: `Bearer ${organizer}` } }))
            .status,
        ).toBe(200);
      });

      it('rate-limits invite-code guessing: 1,000 wrong codes all fail, then even a right one waits', async () => {
        const before = await logLength();
        const statuses = new Map<number, number>();
        for (let i = 0; i < 1000; i += 1) {
          const response = await post('/c/xfkl/sessions', { code: `WRONG-${String(i).padStart(5, '2')}` });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          await response.body?.cancel();
        }
        expect(statuses.get(200)).toBeUndefined();
        expect((statuses.get(401) ?? 0) + (statuses.get(429) ?? 0)).toBe(1000);
        expect(statuses.get(429)).toBeGreaterThan(900);
        await refused(await post('/c/xfkl/sessions', { code: codes.u302 }), 429, 'auth.rate_limited', before);
      });
    });
  });

describe('a failing database', () => {
  it('answers 503 with a bilingual message and an incident number, keeping the database’s own words in the server log', async () => {
    const inner = new MemoryStore();
    const failing: EventStore = {
      append: async () =>
        err(linliError('log.unavailable', [], { reason: 'disk I/O error: /srv/linli/data' })),
      read: (options) => inner.read(options),
      subscribe: (listener) => inner.subscribe(listener),
    };
    const governance = await createGovernance({ store: failing });
    const auth = SqliteAuthStore.open(':memory:', 'xfkl');
    const organizer = await auth.issueOrganizerToken();
    const app = createApp(new Map([['xfkl', { id: 'xfkl', store: failing, governance, auth, origins: [] }]]));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await app.request('/c/xfkl/commands', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${organizer}` },
      body: JSON.stringify({ command: { type: 'community.found', name: '新福康里' } }),
    });
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({
      error: { code: 'log.unavailable', message: { en: expect.any(String) } },
    });
    expect(text).not.toContain('/srv/linli');
    // The operator finds the database's words under the incident number the resident sees.
    const incident = /#[0-9a-f]{8}/.exec(text)?.[0] ?? 'none';
    expect(logged.mock.calls.flat().join(' ')).toContain(`(${incident}): disk I/O error: /srv/linli/data`);
    logged.mockRestore();
    governance.dispose();
    await auth.close();
  });
});

describe('invite codes for a whole community', () => {
  it('issues one distinct, redeemable code per household when no units are named', async () => {
    const store = new MemoryStore();
    const governance = await createGovernance({ store });
    await seedScenario(governance);
    const auth = SqliteAuthStore.open(':memory:', 'xfkl');
    const organizer = await auth.issueOrganizerToken();
    const app = createApp(new Map([['xfkl', { id: 'xfkl', store, governance, auth, origins: [] }]]));
    const response = await app.request('/c/xfkl/invites', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${organizer}` },
      body: '{}',
    });
    const { invites } = (await response.json()) as { invites: { unitId: string; code: string }[] };
    const units = governance.community.value.units.map((u) => u.id);
    expect(invites.map((i) => i.unitId)).toEqual(units);
    expect(new Set(invites.map((i) => i.code)).size).toBe(units.length);
    const pick = invites[Math.floor(invites.length / 2)];
    expect(await auth.redeem(pick?.code ?? '')).toMatchObject({ unitId: pick?.unitId });
    governance.dispose();
    await auth.close();
  });
});

describe('the published view', () => {
  it('is gzip for those who ask, 304 for a page that has it, and new at midnight without any event', async () => {
    const store = new MemoryStore();
    const governance = await createGovernance({ store });
    await seedScenario(governance);
    const auth = SqliteAuthStore.open(':memory:', 'xfkl');
    let now = new Date('2026-12-06T15:59:00Z'); // 23:59 in Shanghai
    const app = createApp(new Map([['xfkl', { id: 'xfkl', store, governance, auth, origins: [] }]]), {
      clock: { now: () => now },
    });
    const first = await app.request('/c/xfkl/view', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(first.headers.get('content-encoding')).toBe('gzip');
    const zipped = new Uint8Array(await first.arrayBuffer());
    const view = JSON.parse(gunzipSync(zipped).toString()) as PublishedView;
    expect(view.asOf).toBe('2026-12-06');
    const plain = await app.request('/c/xfkl/view');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    expect(JSON.parse(text)).toEqual(view);
    expect(zipped.length * 4).toBeLessThan(text.length); // ~32 KB of JSON travels as a fraction of it
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toBe(plain.headers.get('etag'));
    expect((await app.request('/c/xfkl/view', { headers: { 'if-none-match': etag } })).status).toBe(304);
    now = new Date('2026-12-06T16:01:00Z'); // 00:01 the next day: no event, yet a new view
    const next = await app.request('/c/xfkl/view', { headers: { 'if-none-match': etag } });
    expect(next.status).toBe(200);
    expect(((await next.json()) as PublishedView).asOf).toBe('2026-12-07');
    governance.dispose();
    await auth.close();
  });
});

describe('ETags behind a load balancer (issue #20: two processes, one log)', () => {
  it('are derived from the content: a 304 from either process, a new tag for new content', async () => {
    const store = new MemoryStore();
    const seeded = await createGovernance({ store });
    await seedScenario(seeded);
    const auth = SqliteAuthStore.open(':memory:', 'xfkl');
    const clock = { now: () => new Date('2026-12-06T08:00:00Z') };
    const processes = [];
    for (const start of [Date.UTC(2026, 11, 6, 7), Date.UTC(2026, 11, 6, 7, 30)]) {
      vi.setSystemTime(start); // each process started at its own moment
      const governance = await createGovernance({ store });
      const community = { id: 'xfkl', store, governance, auth, origins: [] };
      processes.push({ governance, app: createApp(new Map([['xfkl', community]]), { clock, shell: true }) });
    }
    vi.useRealTimers();
    const [a, b] = processes as [(typeof processes)[0], (typeof processes)[0]];
    for (const path of ['/c/xfkl/view', '/setup', '/app/app.js', '/c/xfkl/duties/clean.ics']) {
      const etag = (await a.app.request(path)).headers.get('etag') ?? '';
      expect(etag, path).toMatch(/^W\/"[\w-]{22}"$/);
      expect((await b.app.request(path)).headers.get('etag'), path).toBe(etag);
      const revalidated = await b.app.request(path, { headers: { 'if-none-match': etag } });
      expect(revalidated.status, path).toBe(304);
    }
    const before = (await a.app.request('/c/xfkl/view')).headers.get('etag') ?? '';
    expect((await a.governance.execute({ type: 'building.add', name: '97号楼' })).ok).toBe(true);
    await vi.waitFor(() => expect(b.governance.head.value.seq).toBe(a.governance.head.value.seq));
    const after = await b.app.request('/c/xfkl/view', { headers: { 'if-none-match': before } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
    expect((await a.app.request('/c/xfkl/view')).headers.get('etag')).toBe(after.headers.get('etag'));
    for (const gov of [seeded, a.governance, b.governance]) gov.dispose();
    await auth.close();
  });
});

describe('a household flooding the log', () => {
  it('is refused past its commands per minute, with nothing appended; the organizer is not limited', async () => {
    const store = new MemoryStore();
    const governance = await createGovernance({ store });
    await seedScenario(governance);
    const auth = SqliteAuthStore.open(':memory:', 'xfkl');
    const organizer = await auth.issueOrganizerToken();
    const household = (await auth.redeem(await auth.issueInviteCode('u502')))?.token ?? '';
    const app = createApp(new Map([['xfkl', { id: 'xfkl', store, governance, auth, origins: [] }]]), {
      householdCommandsPerMinute: 5,
    });
    const flip = (token: string, i: number, extra: Record<string, string> = {}) =>
      app.request('/c/xfkl/commands', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          command: {
            type: 'ballot.cast',
            motionId: 'lift',
            voterId: 'o-wang',
            vote: i % 2 ? 'no' : 'yes',
            ...extra,
          },
        }),
      });
    const before = (await store.read()).length;
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await flip(household, i)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    expect((await store.read()).length).toBe(before + 5);
    // The organizer enters the household's paper ballots: never limited.
    for (let i = 0; i < 8; i++) expect((await flip(organizer, i, { paperRef: `P-${i}` })).status).toBe(200);
    governance.dispose();
    await auth.close();
  });
});
