import type { LinliError } from '@linli/core';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { jsonBody } from './json-body.js';
import { renderError } from './refusal.js';

const app = new Hono().post('/', jsonBody(z.strictObject({ units: z.optional(z.array(z.string())) })), (c) =>
  c.json({ body: c.req.valid('json') }),
);
app.onError(renderError);

const send = (body: string, type = 'application/json') =>
  app.request('/', { method: 'POST', headers: { 'content-type': type }, body });

const refusal = async (response: Response) => {
  expect(response.status).toBe(400);
  return ((await response.json()) as { error: LinliError }).error;
};

describe('jsonBody', () => {
  it('hands the route the parsed body', async () => {
    expect(await (await send('{"units":["u102"]}')).json()).toEqual({ body: { units: ['u102'] } });
    expect(await (await send('{}', 'application/json; charset=utf-8')).json()).toEqual({ body: {} });
  });

  it('refuses a wrong content type, malformed JSON and anything but an object with http.bad_json', async () => {
    for (const response of [
      await send('{}', 'text/plain'),
      // Starts like JSON but is another media type: refused, not parsed.
      await send('{}', 'application/jsonx'),
      await app.request('/', { method: 'POST', body: '{}' }),
      await send('{"units":'),
      await send(''),
      await send('[]'),
      await send('null'),
      await send('"units"'),
    ])
      expect((await refusal(response)).code).toBe('http.bad_json');
  });

  it("refuses a body the schema rejects with the core's typed error and its path", async () => {
    const error = await refusal(await send('{"units":["u102",7]}'));
    expect(error.path).toEqual(['units', 1]);
    expect(error.message['zh-CN']).toBeTruthy();
    expect(error.message.en).toBeTruthy();
    expect((await refusal(await send('{"extra":1}'))).code).not.toBe('http.bad_json');
  });
});
