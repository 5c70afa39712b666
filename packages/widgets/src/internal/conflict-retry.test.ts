import { type Governance, type LocalDate, linliError, publishView } from '@linli/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { elevatorMotion, mount, settle, stairwell } from '../../test/fixtures.js';
import '../define/linli-vote.js';
import type { LinliVote } from '../components/vote/vote.js';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

/** What the fake server does with the n-th command request (1-based). */
type Answer = (n: number, command: unknown, gov: Governance) => Promise<Response>;

const conflict = () =>
  Response.json(
    { error: linliError('log.conflict', [], { expectedSeq: 40, actualSeq: 41 }) },
    { status: 409 },
  );
const decided = async (command: unknown, gov: Governance) => {
  const result = await gov.execute(command);
  return result.ok
    ? Response.json({ events: result.value })
    : Response.json({ error: result.error }, { status: 400 });
};

let servers = 0;

/**
 * A Linli server behind `fetch`, on a seeded stairwell with the elevator motion open: it publishes
 * its view, keeps the stream open, and answers command requests as `answer` says — as a server
 * process answers when another process has just written to the same log.
 */
async function fakeServer(answer: Answer) {
  const { gov } = await stairwell();
  await elevatorMotion(gov);
  const base = `https://linli.test/c/retry${++servers}`;
  const commands: { key: string | null; viewsBefore: number; answered?: string }[] = [];
  let views = 0;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith('/view')) {
      views += 1;
      return Response.json(
        publishView(gov, { asOf: '2026-11-29' as LocalDate, rosterUntil: '2026-12-31' as LocalDate }),
      );
    }
    if (url.includes('/stream')) return new Response(new ReadableStream({ start() {} }));
    const { command } = JSON.parse(String(init?.body)) as { command: unknown };
    const request = { key: new Headers(init?.headers).get('idempotency-key'), viewsBefore: views };
    commands.push(request);
    const response = await answer(commands.length, command, gov);
    const body = (await response.clone().json()) as { error?: { code: string } };
    Object.assign(request, { answered: body.error?.code ?? 'ok' });
    return response;
  });
  const el = await mount<LinliVote>(
    `<linli-vote endpoint="${base}" motion="lift" voter="o101" lang="en"></linli-vote>`,
    'linli-vote',
    (e) => {
      e.token = 'household-token';
      e.now = new Date('2026-11-29T02:00:00Z');
    },
  );
  await vi.waitFor(() => expect(el.shadowRoot?.querySelector('[part=submit]')).toBeTruthy());
  return { gov, el, commands };
}

async function vote(el: LinliVote) {
  const root = el.shadowRoot as ShadowRoot;
  await userEvent.click(root.querySelectorAll<HTMLInputElement>('input[type=radio]')[0] as HTMLInputElement);
  await userEvent.click(root.querySelector('[part=submit]') as HTMLButtonElement);
  await settle(el);
}

const errorText = (el: LinliVote) => el.shadowRoot?.querySelector('[part=error]')?.textContent ?? '';

describe('a connected element whose command loses a race (409)', () => {
  it('re-reads the view and sends the command once more, with the same idempotency key', async () => {
    const { el, gov, commands } = await fakeServer(async (n, command, gov) =>
      n === 1 ? conflict() : decided(command, gov),
    );
    await vote(el);
    await vi.waitFor(() => expect(gov.ballots('lift')).toHaveLength(1));
    expect(commands).toHaveLength(2);
    expect(commands[1]?.key).toBe(commands[0]?.key);
    expect(commands[1]?.viewsBefore).toBeGreaterThan(commands[0]?.viewsBefore ?? 0);
    expect(commands.map((c) => c.answered)).toEqual(['log.conflict', 'ok']);
    await settle(el);
    expect(errorText(el)).toBe('');
    expect(el.shadowRoot?.textContent).toContain('You voted: Yes ✓');
  });

  it('shows the real refusal when the retry meets one (the motion was closed meanwhile), without looping', async () => {
    const { el, commands } = await fakeServer(async (n, command, gov) => {
      if (n > 1) return decided(command, gov);
      // Another process closes the motion; this one's ballot lost the race to it.
      const closed = await gov.execute({ type: 'motion.close', motionId: 'lift' });
      expect(closed.ok).toBe(true);
      return conflict();
    });
    await vote(el);
    await vi.waitFor(() =>
      expect(commands.map((c) => c.answered)).toEqual(['log.conflict', 'motion.not_open']),
    );
    // The re-read view shows the motion closed: the form gives way to the message, nothing loops.
    await vi.waitFor(() => expect(el.shadowRoot?.textContent).toContain('Voting has closed'));
    await settle(el);
    expect(commands).toHaveLength(2);
  });

  it('retries only once: a second conflict is shown as the typed conflict', async () => {
    const { el, commands } = await fakeServer(async () => conflict());
    await vote(el);
    await vi.waitFor(() => expect(errorText(el)).toContain('updated by someone else'));
    expect(commands).toHaveLength(2);
  });
});
