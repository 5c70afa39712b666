import type { Locale } from '@linli/core';
import { ApiClient } from '../api/api-client.ts';
import type { ScreenContext } from '../shell/screen.ts';
import { Sessions } from '../shell/session.ts';

/** A fresh in-memory `Storage`, so a test's sign-ins touch neither the page's nor another test's. */
export function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

/** What the fake server answers a `METHOD /path`: a status and a JSON body. */
export type Answer = readonly [status: number, body: unknown];

/**
 * A screen's context against a fake server: `answer` maps `METHOD /path` to its reply (anything else
 * is a 404). Records each request as `METHOD /path`, and each navigation.
 */
export function screenContext(
  locale: Locale,
  params: Record<string, string>,
  answer: (request: string, body: unknown) => Answer | undefined,
) {
  const requests: string[] = [];
  const navigated: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = `${init?.method ?? 'GET'} ${String(input)}`;
    requests.push(request);
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const [status, json] = answer(request, body) ?? [404, {}];
    return new Response(JSON.stringify(json), { status, headers: { 'content-type': 'application/json' } });
  };
  const api = new ApiClient({ fetch: fetch as typeof globalThis.fetch });
  const sessions = new Sessions({ tab: memoryStorage(), device: memoryStorage() });
  const context: ScreenContext = {
    params,
    session: undefined,
    api,
    locale,
    sessions,
    navigate: (href) => void navigated.push(href),
  };
  return { context, requests, navigated };
}

/** Lets the screen's pending requests answer and its renders finish. */
export async function settled(el: { updateComplete: Promise<unknown> }): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
  }
}
