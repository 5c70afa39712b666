import { randomBytes } from 'node:crypto';
import { type LinliError, linliError } from '@linli/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { unreachable } from '../stores/database-errors.js';

/** The HTTP statuses a typed refusal is answered with. */
export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 421 | 429 | 503;

/** The status each error code is answered with; every code not named here is the client's mistake. */
export function statusOf(error: LinliError): RefusalStatus {
  const code = error.code;
  if (code === 'auth.required' || code === 'auth.bad_code') return 401;
  if (code === 'auth.forbidden' || code === 'http.origin' || code === 'setup.bad_token') return 403;
  if (
    code === 'http.not_found' ||
    code === 'http.no_route' ||
    code === 'attachment.not_found' ||
    code === 'auth.no_such_device'
  )
    return 404;
  if (code === 'log.conflict' || code === 'auth.last_device') return 409;
  if (code === 'setup.closed') return 410; // for good: a community exists
  if (code === 'http.host') return 421;
  if (code === 'http.too_large' || code === 'attachment.too_large') return 413;
  if (code === 'attachment.unsupported_type') return 415;
  if (code === 'auth.rate_limited') return 429;
  if (code === 'log.unavailable' || code === 'server.unavailable' || code === 'server.not_ready') return 503;
  return 400;
}

/**
 * A typed refusal thrown from a route or middleware. The app's one `onError` renders it as
 * `{ error }` with {@link statusOf}'s status, so no route builds an error response itself.
 */
export class Refusal extends HTTPException {
  /** `status` overrides {@link statusOf} where the same code is not the client's mistake here. */
  constructor(
    readonly error: LinliError,
    status: RefusalStatus = statusOf(error),
  ) {
    super(status, { message: error.code });
  }
}

/**
 * Files what went wrong under an incident number for the operator's log and returns the number: the
 * database's own words (paths, hosts, SQL) stay there, and a resident can quote the number.
 */
export function incident(what: string, detail: string): string {
  const number = `#${randomBytes(4).toString('hex')}`;
  console.error(`linli: ${what} (${number}): ${detail}`);
  return number;
}

/** The typed JSON answer for a refusal; a failed log is answered with an incident number instead of its words. */
export function refusalResponse(
  c: Context,
  error: LinliError,
  status: RefusalStatus = statusOf(error),
): Response {
  if (error.code !== 'log.unavailable') return c.json({ error }, status);
  const reason = incident('log unavailable', String(error.params.reason));
  return c.json({ error: linliError('log.unavailable', [], { reason }) }, 503);
}

/**
 * The app's error handler: a {@link Refusal} as its typed error; Hono's own 413 (a body that grew
 * past the limit while read) and 400 (the JSON validator's malformed body) as theirs; anything else
 * (a full or locked sign-in database, a bug) as `server.unavailable` with an incident number; a lost
 * or refused database connection as `log.unavailable`.
 */
export function renderError(e: Error, c: Context): Response {
  if (e instanceof Refusal) return refusalResponse(c, e.error, e.status as RefusalStatus);
  if (e instanceof HTTPException && e.status === 413) return refusalResponse(c, linliError('http.too_large'));
  if (e instanceof HTTPException && e.status === 400) return refusalResponse(c, linliError('http.bad_json'));
  // The database away (a restart, a failover, a killed backend) is an outage of the log, whichever
  // store noticed it first (a sign-in check, the community list): the typed 503 a client retries.
  if (unreachable(e)) return refusalResponse(c, linliError('log.unavailable', [], { reason: e.message }));
  const reason = incident('request failed', e.message);
  return refusalResponse(c, linliError('server.unavailable', [], { reason }));
}
