import {
  exportMotion,
  type Governance,
  linliError,
  type Motion,
  motionCsv,
  motionHistory,
  type Tally,
  toBlt,
} from '@linli/core';
import { type Context, Hono } from 'hono';
import { download } from '../http/download.js';
import type { AppEnv, SignedInEnv } from '../http/env.js';
import { Refusal } from '../http/refusal.js';
import { requires } from '../middleware/auth.js';

/** The answer of `GET /c/:id/motions/:motion/history`. */
export interface MotionHistoryAnswer {
  readonly motionId: string;
  readonly history: ReturnType<typeof motionHistory>;
}

/** The motion the path names with the tally a read model shows of it, or a typed 404. */
function motionOf(c: Context<AppEnv & SignedInEnv, '/motions/:motion/*'>): {
  motion: Motion;
  tally: Tally;
  gov: Governance;
} {
  const id = c.req.param('motion');
  const gov = c.get('community').governance;
  const motion = gov.motions.value.find((m) => m.id === id);
  const tally = gov.tally(id);
  if (!motion || !tally)
    throw new Refusal(linliError('entity.not_found', ['motion'], { kind: 'motion', id }), 404);
  return { motion, tally, gov };
}

/** A unit as a reader finds it on the notice board: building and room, e.g. `96号楼 101`. */
function roomNames(gov: Governance): (unitId: string) => string {
  return (unitId) => {
    const unit = gov.unit(unitId);
    if (!unit) return unitId;
    const building = gov.read((s) => s.community.buildings.get(unit.buildingId)?.name);
    return building === undefined ? unit.room : `${building} ${unit.room}`;
  };
}

/** A motion's file: named after its id for old clients and after its title for everyone else. */
function motionFile(c: Context, motion: Motion, body: string, extension: string, type: string) {
  return download(c, body, {
    ascii: `motion-${motion.id}.${extension}`,
    localized: `${motion.title}-${motion.id}.${extension}`,
    contentType: type,
  });
}

/**
 * A motion's history and exports under `/c/:community`, the organizer's only. The exports hold what
 * the published view shows of the motion — its definition and roll, the ballots and the tally a read
 * model may show (`gov.ballots`, `gov.tally`) — never more, although the organizer holds the log: a
 * file is made to be passed on, so a secret motion's export names no voter.
 * - `GET /motions/:motion/history`: who drafted, amended, opened, extended, closed or cancelled it, when.
 * - `GET /motions/:motion/export.json`: `exportMotion` (`format: 'linli-motion'`).
 * - `GET /motions/:motion/export.csv`: `motionCsv`, one row per ballot (public) or totals (secret),
 *   then a budget's recorded selection (project, cost, approvals, funded, reason).
 * - `GET /motions/:motion/export.blt`: ranked ballots as BLT; 409 for other kinds, and for a secret
 *   motion before it closes (its ballots are not released yet).
 */
export function motionRoutes(): Hono<AppEnv> {
  const organizer = requires('organizer');
  return new Hono<AppEnv>()
    .get('/motions/:motion/history', organizer, async (c) => {
      const { motion } = motionOf(c);
      const events = await c.get('community').store.read();
      const answer: MotionHistoryAnswer = { motionId: motion.id, history: motionHistory(events, motion.id) };
      return c.json(answer);
    })
    .get('/motions/:motion/export.json', organizer, (c) => {
      const { motion, tally, gov } = motionOf(c);
      const body = JSON.stringify(exportMotion(motion, gov.ballots(motion.id), tally), null, 2);
      return motionFile(c, motion, body, 'json', 'application/json; charset=utf-8');
    })
    .get('/motions/:motion/export.csv', organizer, (c) => {
      const { motion, tally, gov } = motionOf(c);
      const body = motionCsv(motion, gov.ballots(motion.id), tally, roomNames(gov));
      return motionFile(c, motion, body, 'csv', 'text/csv; charset=utf-8');
    })
    .get('/motions/:motion/export.blt', organizer, (c) => {
      const { motion, tally, gov } = motionOf(c);
      if (motion.kind !== 'ranked')
        throw new Refusal(linliError('motion.export_needs_ranked', ['motion']), 409);
      if (motion.secrecy === 'secret' && !tally.final)
        throw new Refusal(
          linliError('motion.ballots_hidden', ['motion'], { closesAt: motion.closesAt }),
          409,
        );
      const body = toBlt(motion, gov.ballots(motion.id));
      return motionFile(c, motion, body, 'blt', 'text/plain; charset=utf-8');
    });
}
