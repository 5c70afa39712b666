import { type LinliError, linliError } from '@linli/core';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Refusal, renderError, statusOf } from './refusal.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Answers `GET /` by throwing `thrown`, rendered by the app's one error handler. */
async function answerTo(thrown: Error) {
  const app = new Hono().get('/', () => {
    throw thrown;
  });
  app.onError(renderError);
  const response = await app.request('/');
  return { status: response.status, error: ((await response.json()) as { error: LinliError }).error };
}

describe('statusOf', () => {
  it('answers each refusal with its documented status, and the client’s mistakes with 400', () => {
    const table = {
      'auth.required': 401,
      'auth.bad_code': 401,
      'auth.forbidden': 403,
      'http.origin': 403,
      'http.not_found': 404,
      'http.no_route': 404,
      'log.conflict': 409,
      'http.too_large': 413,
      'auth.rate_limited': 429,
      'log.unavailable': 503,
      'server.unavailable': 503,
      'http.bad_json': 400,
      'validation.invalid': 400,
    } as const;
    for (const [code, status] of Object.entries(table))
      expect(statusOf(linliError(code as keyof typeof table)), code).toBe(status);
  });
});

describe('renderError', () => {
  it('renders a thrown Refusal as its typed error and status', async () => {
    const error = linliError('entity.not_found', ['unit'], { kind: 'unit', id: 'u999' });
    expect(await answerTo(new Refusal(error))).toEqual({ status: 400, error });
  });

  it("maps Hono's own 413 and 400 to http.too_large and http.bad_json", async () => {
    expect((await answerTo(new HTTPException(413))).error.code).toBe('http.too_large');
    expect((await answerTo(new HTTPException(400, { message: 'Malformed JSON' }))).error.code).toBe(
      'http.bad_json',
    );
  });

  it('files anything else under an incident number and answers server.unavailable without its words', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { status, error } = await answerTo(new Error('SQLITE_BUSY at /srv/linli/auth.sqlite'));
    expect(status).toBe(503);
    expect(error.code).toBe('server.unavailable');
    expect(String(error.params.reason)).toMatch(/^#[0-9a-f]{8}$/);
    expect(JSON.stringify(error)).not.toContain('SQLITE_BUSY');
    expect(logged.mock.calls.flat().join(' ')).toContain(`(${error.params.reason}): SQLITE_BUSY`);
  });

  it('answers a lost or refused database connection as log.unavailable, with an incident number', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:5432'), { code: 'ECONNREFUSED' });
    for (const thrown of [terminated, refused, new Error('Connection terminated unexpectedly')]) {
      const { status, error } = await answerTo(thrown);
      expect(status).toBe(503);
      expect(error.code).toBe('log.unavailable');
      expect(JSON.stringify(error)).not.toContain('10.0.0.7');
    }
    // A statement the database refused is no outage: still server.unavailable.
    const refusedStatement = Object.assign(new Error('duplicate key'), { code: '23505' });
    expect((await answerTo(refusedStatement)).error.code).toBe('server.unavailable');
  });

  it("answers a failed log with an incident number in place of the database's words", async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failed = linliError('log.unavailable', [], { reason: 'connection to 10.0.0.5 refused' });
    const { status, error } = await answerTo(new Refusal(failed));
    expect(status).toBe(503);
    expect(String(error.params.reason)).toMatch(/^#[0-9a-f]{8}$/);
    expect(logged.mock.calls.flat().join(' ')).toContain('10.0.0.5');
  });
});
