import { Agent, request } from 'node:http';
import type { Household } from './server-processes.js';

/** A household signed in on the servers: its session token, and where it is seen from. */
export interface SignedInHousehold extends Household {
  readonly token: string;
}

/** One ballot's answer: the HTTP status (0 when the connection failed) and the typed error's code. */
export interface BallotAnswer {
  /** Which endpoint (process) it was sent to. */
  readonly target: number;
  readonly household: string;
  readonly status: number;
  /** `error.code` of a refusal, or the socket error's code (`ECONNRESET`, `ECONNREFUSED`, …). */
  readonly code?: string;
  /** The hashes of the events a 2xx answered with. */
  readonly hashes: readonly string[];
  /** Milliseconds from sending to the whole answer. */
  readonly ms: number;
}

/** A burst's answers, and how long it took from the first request to the last answer. */
export interface BallotBurst {
  readonly answers: readonly BallotAnswer[];
  readonly seconds: number;
  /** 2xx answers a second. */
  readonly perSecond: number;
}

/** What {@link castBallots} sends. */
export interface BurstOptions {
  /** The community's endpoints (`http://127.0.0.1:<port>/c/<id>`), one per process. */
  readonly endpoints: readonly string[];
  readonly households: readonly SignedInHousehold[];
  readonly motion: string;
  readonly ballots: number;
  /** Concurrent connections, spread evenly over the endpoints. */
  readonly connections: number;
  /** Called after each answer with how many have come back. */
  readonly onAnswer?: (answered: number) => void;
  /** Asked before each ballot: true ends the burst early (for a burst that lasts until something happened). */
  readonly enough?: () => boolean;
}

interface Reply {
  readonly status: number;
  readonly body: string;
}

/** One POST on a kept-alive connection; a failed connection is status 0 with the socket's error code. */
function post(agent: Agent, url: URL, headers: Record<string, string>, body: string): Promise<Reply> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', (e: NodeJS.ErrnoException) => resolve({ status: 0, body: e.code ?? e.message }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ status: 0, body: e.code ?? e.message }));
    req.end(body);
  });
}

function answerOf(target: number, household: string, reply: Reply, ms: number): BallotAnswer {
  if (reply.status === 0) return { target, household, status: 0, code: reply.body, hashes: [], ms };
  try {
    const parsed = JSON.parse(reply.body) as { events?: { hash: string }[]; error?: { code: string } };
    if (reply.status < 300)
      return {
        target,
        household,
        status: reply.status,
        hashes: (parsed.events ?? []).map((e) => e.hash),
        ms,
      };
    return {
      target,
      household,
      status: reply.status,
      hashes: [],
      ms,
      ...(parsed.error ? { code: parsed.error.code } : {}),
    };
  } catch {
    return { target, household, status: reply.status, code: 'not-json', hashes: [], ms };
  }
}

/**
 * Casts `ballots` valid ballots, the `n`-th by household `n mod H` (yes and no in turn, so a household
 * changes its mind) on endpoint `n mod P` — round-robin over the processes — with `connections`
 * requests in flight at once, each household from its own client address. Never throws for an
 * answer: every answer, refusals and failed connections included, is in the result.
 */
export async function castBallots(options: BurstOptions): Promise<BallotBurst> {
  const { endpoints, households, ballots, connections } = options;
  const agents = endpoints.map(
    () => new Agent({ keepAlive: true, maxSockets: Math.ceil(connections / endpoints.length) }),
  );
  const urls = endpoints.map((e) => new URL(`${e}/commands`));
  const answers: BallotAnswer[] = [];
  let next = 0;
  const started = performance.now();
  let last = started;
  const worker = async () => {
    for (let n = next++; n < ballots && !options.enough?.(); n = next++) {
      const target = n % endpoints.length;
      const household = households[n % households.length];
      const agent = agents[target];
      const url = urls[target];
      if (!household || !agent || !url) throw new Error('castBallots needs endpoints and households');
      const vote = Math.floor(n / households.length) % 2 ? 'no' : 'yes';
      const body = JSON.stringify({
        command: { type: 'ballot.cast', motionId: options.motion, voterId: household.voter, vote },
      });
      const sent = performance.now();
      const reply = await post(
        agent,
        url,
        {
          'content-type': 'application/json',
          authorization: `Bearer ${household.token}`,
          'x-forwarded-for': household.address,
        },
        body,
      );
      last = performance.now();
      answers.push(answerOf(target, household.unit, reply, last - sent));
      options.onAnswer?.(answers.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, worker));
  } finally {
    for (const agent of agents) agent.destroy();
  }
  const seconds = (last - started) / 1000;
  const ok = answers.filter((a) => a.status >= 200 && a.status < 300).length;
  return { answers, seconds, perSecond: seconds > 0 ? ok / seconds : 0 };
}

/**
 * Signs every household in with its invite code, spread over the endpoints, each from its own
 * address (sign-ins are limited per address).
 */
export async function signInAll(
  endpoints: readonly string[],
  households: readonly Household[],
): Promise<SignedInHousehold[]> {
  return Promise.all(
    households.map(async (household, i) => {
      const response = await fetch(`${endpoints[i % endpoints.length]}/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': household.address },
        body: JSON.stringify({ code: household.code }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`sign-in of ${household.unit}: ${response.status} ${text}`);
      return { ...household, token: (JSON.parse(text) as { token: string }).token };
    }),
  );
}

/** The answers by `status code`, e.g. `{ '200': 590, '409 log.conflict': 10 }`, for messages. */
export function tally(answers: readonly BallotAnswer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of answers) {
    const key = a.code ? `${a.status} ${a.code}` : String(a.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
