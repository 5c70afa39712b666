import { type Clock, localDateOf, roleContacts } from '@linli/core';
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { requires } from '../middleware/auth.js';

/**
 * Role holders' contacts under `/c/:community`. `GET /roles/contacts` answers, to a signed-in
 * household or organizer of this community only, the contacts that holders in office today consented
 * to share (`{ asOf, contacts: [{ termId, roleId, buildingId, name, contact }] }`). The published view
 * never carries them, as other sites can read it; `Cache-Control: private, no-store` keeps shared
 * caches from keeping them either.
 */
export function roleRoutes(clock: Clock): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/roles/contacts', requires('signed-in'), (c) => {
    const { governance } = c.get('community');
    const asOf = localDateOf(clock.now());
    const contacts = governance.read((s) => roleContacts(s.community, s.roles, asOf));
    c.header('Cache-Control', 'private, no-store');
    return c.json({ asOf, contacts });
  });
}
