import { linliError } from '@linli/core';
import { Hono } from 'hono';
import { householdLabels } from '../households.js';
import type { AppEnv } from '../http/env.js';
import { Refusal } from '../http/refusal.js';
import { requires } from '../middleware/auth.js';

/**
 * The organizer's reads and household care under `/c/:community`: the whole log (`GET /events`),
 * a snapshot (`GET /snapshot`), the households (`GET /households`), the organizers by name
 * (`GET /organizers`) and ending a household's
 * sessions (`DELETE /households/:unit/sessions`). The log and the raw state hold secret ballots
 * before close and residents' birth years and contacts, so every route here is the organizer's;
 * everyone else reads the published view.
 */
export function organizerRoutes(): Hono<AppEnv> {
  const organizer = requires('organizer');
  return (
    new Hono<AppEnv>()
      .get('/events', organizer, async (c) => {
        const after = Number(c.req.query('after') ?? '0');
        const community = c.get('community');
        const checkpoint = community.checkpoint?.();
        const events = await community.store.read({
          afterSeq: Number.isSafeInteger(after) && after >= 0 ? after : 0,
        });
        return c.json(checkpoint ? { events, checkpoint } : { events });
      })
      // A versioned snapshot: `createGovernance({ store, snapshot })` resumes from it and reads only later events.
      .get('/snapshot', organizer, (c) => c.json(c.get('community').governance.snapshot()))
      // The households an organizer can print notices for, with their buildings' names.
      .get('/households', organizer, (c) => {
        const { governance } = c.get('community');
        return c.json({
          community: governance.community.value.community?.name ?? '',
          households: householdLabels(governance),
        });
      })
      // Who the organizers are, by name: screens show people, not the `<office>/<id>` the log names them
      // by, and offer the two-person paper check only where a second active person exists.
      .get('/organizers', organizer, async (c) => {
        const people = await c.get('community').auth.organizers();
        return c.json({
          organizers: people.map((o) => ({ id: o.id, name: o.name, role: o.role, active: !o.revokedAt })),
        });
      })
      // A lost phone: the organizer ends every session of a household and voids its unused codes.
      .delete('/households/:unit/sessions', organizer, async (c) => {
        const { auth, governance } = c.get('community');
        const unitId = c.req.param('unit');
        if (!governance.unit(unitId))
          throw new Refusal(linliError('entity.not_found', ['unit'], { kind: 'unit', id: unitId }));
        return c.json({ revoked: await auth.revokeHousehold(unitId) });
      })
  );
}
