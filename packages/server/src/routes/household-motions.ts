import { type Clock, linliError } from '@linli/core';
import { Hono } from 'hono';
import { householdMotions } from '../household-motions.js';
import type { AppEnv } from '../http/env.js';
import { Refusal } from '../http/refusal.js';
import { requires } from '../middleware/auth.js';

/**
 * `GET /household/motions` under `/c/:community`, a household session only: every motion that
 * concerns it with the ballots it may cast and its own live ones, secret ones included
 * ({@link householdMotions}). It reads the raw state, so it answers only for the session's own unit
 * (the path names none a household could change) and never with another household's ballot.
 */
export function householdMotionRoutes(clock: Clock): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/household/motions', requires('household'), (c) => {
    const principal = c.get('principal');
    if (principal.kind !== 'household') throw new Refusal(linliError('auth.forbidden'));
    c.header('cache-control', 'no-store');
    return c.json(householdMotions(c.get('community').governance, principal.unitId, clock.now()));
  });
}
