import { Hono } from 'hono';
import type { CommunitySource } from '../hosting/community-source.js';

/**
 * `GET /communities`: the hosted communities as `[{ id, name }]`, for a landing page. Public, so it
 * says nothing more — no counts, no origins — and opens no community.
 */
export function communityListRoutes(source: CommunitySource): Hono {
  return new Hono().get('/communities', async (c) => c.json(await source.listed()));
}
