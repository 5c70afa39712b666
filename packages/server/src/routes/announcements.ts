import { announcementReads } from '@linli/core';
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { requires } from '../middleware/auth.js';

/**
 * Notices' reach under `/c/:community`. `GET /announcements/reads` answers the organizer only:
 * `{ showReaders, reads: [{ announcementId, title, households, read, readers? }] }` — each notice's
 * count of households that opened it, and which ones only where the community set
 * `announcement.setReadersPolicy` to show them. Households never see it, and neither does the
 * published view; `Cache-Control: private, no-store` keeps shared caches from keeping it.
 */
export function announcementRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/announcements/reads', requires('organizer'), (c) => {
    const { governance } = c.get('community');
    const answer = governance.read((s) => ({
      showReaders: s.announcements.showReaders,
      reads: announcementReads(s.community, s.announcements),
    }));
    c.header('Cache-Control', 'private, no-store');
    return c.json(answer);
  });
}
