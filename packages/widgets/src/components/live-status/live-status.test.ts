import { type Governance, type LocalDate, publishView } from '@linli/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { elevatorMotion, mount, settle, stairwell } from '../../../test/fixtures.js';
import '../../define/linli-live-status.js';
import '../../define/linli-vote.js';
import type { LinliVote } from '../vote/vote.js';
import type { LinliLiveStatus } from './live-status.js';
import { minutesStale } from './live-status.js';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

let servers = 0;

/**
 * A Linli server behind `fetch` on a seeded stairwell with the elevator motion open, which keeps
 * idempotency keys as the real one does, behind a line that can be cut: while `line.up` is false
 * every request fails as an offline `fetch` does, and the live stream drops.
 */
async function serverBehindLine() {
  const { gov } = await stairwell();
  await elevatorMotion(gov);
  const base = `https://linli.test/c/offline${++servers}`;
  const line = { up: true, commands: 0 };
  const drops: (() => void)[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    if (!line.up) throw new TypeError('Failed to fetch');
    const url = String(input);
    if (url.endsWith('/view'))
      return Response.json(
        publishView(gov, { asOf: '2026-11-29' as LocalDate, rosterUntil: '2026-12-31' as LocalDate }),
      );
    if (url.includes('/stream'))
      return new Response(
        new ReadableStream({
          start: (controller) => void drops.push(() => controller.error(new TypeError('network'))),
        }),
      );
    line.commands += 1;
    const { command } = JSON.parse(String(init?.body)) as { command: unknown };
    const key = new Headers(init?.headers).get('idempotency-key') ?? undefined;
    const result = await (gov as Governance).execute(command, key ? { requestKey: key } : {});
    return result.ok
      ? Response.json({ events: result.value })
      : Response.json({ error: result.error }, { status: 400 });
  });
  const cut = () => {
    line.up = false;
    for (const drop of drops.splice(0)) drop();
  };
  return { gov, base, line, cut };
}

const text = (el: Element, part: string) =>
  el.shadowRoot?.querySelector(`[part~=${part}]`)?.textContent?.trim() ?? '';

describe('voting while the line is down', () => {
  it('says the ballot is saved, with no error, and sends it once when the browser is back online', async () => {
    const { gov, base, line, cut } = await serverBehindLine();
    const vote = await mount<LinliVote>(
      `<linli-vote endpoint="${base}" motion="lift" voter="o101" lang="zh-CN"></linli-vote>`,
      'linli-vote',
      (e) => {
        e.token = 'household-token';
        e.now = new Date('2026-11-29T02:00:00Z');
      },
    );
    await vi.waitFor(() => expect(vote.shadowRoot?.querySelector('[part=submit]')).toBeTruthy());
    cut();
    const root = vote.shadowRoot as ShadowRoot;
    await userEvent.click(
      root.querySelectorAll<HTMLInputElement>('input[type=radio]')[0] as HTMLInputElement,
    );
    await userEvent.click(root.querySelector('[part=submit]') as HTMLButtonElement);
    await vi.waitFor(() => expect(text(vote, 'queued')).toBe('已保存，联网后自动提交'), { timeout: 5_000 });
    expect(root.querySelector('[part=queued]')?.getAttribute('role')).toBe('status');
    expect(text(vote, 'error')).toBe('');
    expect(gov.ballots('lift')).toHaveLength(0);

    line.up = true;
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(gov.ballots('lift')).toHaveLength(1));
    await vi.waitFor(() => expect(text(vote, 'queued')).toBe(''));
    await settle(vote);
    expect(root.textContent).toContain('同意');
    window.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(gov.ballots('lift')).toHaveLength(1);
    expect(line.commands).toBe(1);
  });
});

describe('<linli-live-status>', () => {
  it('counts whole minutes', () => {
    expect(minutesStale(0, 59_999)).toBe(0);
    expect(minutesStale(0, 180_000)).toBe(3);
    expect(minutesStale(10, 0)).toBe(0);
  });

  it('is empty while live, then says how old the data is and what waits to be sent, in the page language', async () => {
    const { base, line, cut } = await serverBehindLine();
    const status = await mount<LinliLiveStatus>(
      `<linli-live-status endpoint="${base}" lang="en"></linli-live-status>`,
      'linli-live-status',
      (e) => {
        e.token = 'household-token';
      },
    );
    const vote = await mount<LinliVote>(
      `<linli-vote endpoint="${base}" motion="lift" voter="o101" lang="en"></linli-vote>`,
      'linli-vote',
      (e) => {
        e.token = 'household-token';
        e.now = new Date('2026-11-29T02:00:00Z');
      },
    );
    await vi.waitFor(() => expect(vote.shadowRoot?.querySelector('[part=submit]')).toBeTruthy());
    await settle(status);
    expect(status.shadowRoot?.textContent?.trim()).toBe('');

    cut();
    // Within the grace a drop is not news; three minutes on, it is.
    status.now = new Date(Date.now() + 1_000);
    await settle(status);
    expect(text(status, 'stale')).toBe('');
    status.now = new Date(Date.now() + 180_500);
    await vi.waitFor(() =>
      expect(text(status, 'stale')).toBe('Connection lost: showing data from 3 minutes ago'),
    );
    const root = vote.shadowRoot as ShadowRoot;
    await userEvent.click(
      root.querySelectorAll<HTMLInputElement>('input[type=radio]')[0] as HTMLInputElement,
    );
    await userEvent.click(root.querySelector('[part=submit]') as HTMLButtonElement);
    await vi.waitFor(
      () =>
        expect(text(status, 'queued')).toBe('1 saved; it will be sent by itself when you are back online'),
      { timeout: 5_000 },
    );
    status.lang = 'zh-CN';
    await vi.waitFor(() => expect(text(status, 'stale')).toBe('连接已断开，显示的是 3 分钟前的数据'));

    line.up = true;
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(text(status, 'queued')).toBe(''));
    await vi.waitFor(() => expect(text(status, 'stale')).toBe(''), { timeout: 10_000 });
  });
});
