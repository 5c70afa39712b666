import { Hono } from 'hono';

/** `GET /healthz`: the process answers. */
export function healthRoutes(): Hono {
  return new Hono().get('/healthz', (c) => c.json({ ok: true }));
}
