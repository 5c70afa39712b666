import type { LoggedEvent, LogHead } from '@linli/core';
import { Hono } from 'hono';
import { type SSEStreamingApi, streamSSE } from 'hono/streaming';
import type { AppEnv, HostedCommunity } from '../http/env.js';
import { identifies } from '../middleware/auth.js';

/** How long a quiet event stream waits before a heartbeat comment. */
const HEARTBEAT_MS = 15_000;

/**
 * Sends one stream's messages from `from` on: whole events to the organizer (`full`), to everyone
 * else only each new head — enough to refetch the published view, and to keep a trusted head for
 * `verify` — not the events themselves.
 */
async function follow(stream: SSEStreamingApi, community: HostedCommunity, full: boolean, from: number) {
  let sent = from;
  const announce = async (head: LogHead, events: readonly LoggedEvent[]) => {
    if (head.seq <= sent) return;
    const fresh = events.filter((e) => e.seq > sent);
    sent = head.seq;
    await stream.writeSSE(
      full
        ? { event: 'events', id: String(sent), data: JSON.stringify(fresh) }
        : { event: 'head', id: String(sent), data: JSON.stringify({ seq: head.seq, hash: head.hash }) },
    );
  };
  const send = async (events: readonly LoggedEvent[]) => {
    const last = events.at(-1);
    if (last) await announce(last, events);
  };
  if (full) await send(await community.store.read({ afterSeq: sent }));
  else await announce(community.governance.head.value, []);
  const queue: (readonly LoggedEvent[])[] = [];
  let wake: (() => void) | undefined;
  const stop = community.store.subscribe((events) => {
    queue.push(events);
    wake?.();
  });
  stream.onAbort(() => {
    stop();
    wake?.();
  });
  while (!stream.aborted) {
    // Whatever piled up goes out as one message: for the public, only the newest head matters.
    const next = queue.splice(0).flat();
    if (next.length > 0) {
      await send(next);
      continue;
    }
    const woken = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), HEARTBEAT_MS);
      wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
    wake = undefined;
    // Only a quiet stream needs a heartbeat to keep proxies from closing it.
    if (!woken && !stream.aborted) await stream.write(': keep-alive\n\n');
  }
}

/**
 * `GET /stream` under `/c/:community`: new heads over SSE for everyone, whole events for the
 * organizer, resuming after `Last-Event-ID` or `?after=`.
 */
export function streamRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/stream', identifies, (c) => {
    const full = c.get('principal')?.kind === 'organizer';
    const from = Number(c.req.header('Last-Event-ID') ?? c.req.query('after') ?? '0');
    return streamSSE(c, (stream) =>
      follow(stream, c.get('community'), full, Number.isSafeInteger(from) && from >= 0 ? from : 0),
    );
  });
}
