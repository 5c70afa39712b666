import * as z from 'zod/mini';
import { idSchema, instantSchema, intSchema, nameSchema, scopeSchema } from '../validation/schemas.js';
import { lineSchema, multilineSchema } from '../validation/text.js';

const instant = instantSchema;
const label = lineSchema(200);
const comparison = z.enum(['inclusive', 'strict']);
const dimension = z.enum(['headcount', 'area', 'custom']);
const threshold = z
  .strictObject({ numerator: intSchema(0, 1_000_000), denominator: intSchema(1, 1_000_000) })
  .check(
    z.refine((t) => t.numerator <= t.denominator, {
      params: { code: 'vote.bad_threshold' },
      path: ['numerator'],
    }),
  );

/** A user-defined decision rule; presets are named by id instead. */
export const ruleSchema = z.strictObject({
  id: idSchema,
  name: z.strictObject({ 'zh-CN': label, en: label }),
  jurisdiction: label,
  version: label,
  source: label,
  checks: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('participation'), dimension, threshold, comparison }),
        z.strictObject({
          kind: z.literal('approval'),
          dimension,
          base: z.enum(['participating', 'eligible']),
          threshold,
          comparison,
        }),
      ]),
    )
    .check(z.maxLength(20)),
  noBlock: z.optional(z.boolean()),
});

/**
 * An option; `cost` (fen) makes it a project of a participatory budget. Any whole number passes the
 * schema so that a zero or negative cost gets the budget's own typed error (`participatory.bad_cost`).
 */
const optionSchema = z.strictObject({
  id: idSchema,
  label,
  cost: z.optional(intSchema(-1_000_000_000_000, 1_000_000_000_000)),
});

/**
 * A participatory budget on an approval motion: the money to spend (fen) and how the projects are
 * selected at close. `amount` is checked by the decision (`participatory.bad_budget`), like costs.
 */
export const fundingSchema = z.strictObject({
  amount: intSchema(-1_000_000_000_000, 1_000_000_000_000),
  selection: z.optional(z.enum(['equalShares', 'greedy'])),
  utilities: z.optional(z.enum(['cost', 'approval'])),
  completion: z.optional(z.enum(['none', 'add-one', 'then-greedy', 'add-one-then-greedy'])),
  addOneStep: z.optional(intSchema(1, 1_000_000_000)),
});

/** Drafts a motion. Everything can be revised until it opens. */
export const draftMotionSchema = z.strictObject({
  type: z.literal('motion.draft'),
  id: z.optional(idSchema),
  title: lineSchema(200),
  body: z.optional(multilineSchema(50_000)),
  kind: z.enum(['proposal', 'single', 'approval', 'score', 'ranked', 'dot']),
  method: z.optional(z.enum(['irv', 'schulze', 'rankedPairs', 'stv'])),
  options: z.optional(z.array(optionSchema).check(z.maxLength(100))),
  minChoices: z.optional(intSchema(0, 100)),
  maxChoices: z.optional(intSchema(1, 100)),
  seats: z.optional(intSchema(1, 99)),
  budget: z.optional(intSchema(1, 100)),
  funding: z.optional(fundingSchema),
  allowBlock: z.optional(z.boolean()),
  scope: scopeSchema,
  basis: z.enum(['owners', 'households', 'residents']),
  minAge: z.optional(intSchema(0, 120)),
  rule: z.union([lineSchema(64), ruleSchema]),
  mustConsent: z.optional(z.array(idSchema).check(z.maxLength(1000))),
  customWeights: z.optional(z.record(idSchema, intSchema(0, 1_000_000_000))),
  secrecy: z.optional(z.enum(['public', 'secret'])),
  showVoters: z.optional(z.boolean()),
  allowChange: z.optional(z.boolean()),
  proxyCap: z.optional(intSchema(0, 1000)),
  tieBreak: z.optional(z.enum(['report', 'lottery'])),
  /** `twoPerson`: a paper ballot counts only once a second organizer person confirms it. */
  paperCheck: z.optional(z.enum(['single', 'twoPerson'])),
  opensAt: z.optional(instant),
  closesAt: instant,
  /** Who may propose amendments while it is a draft: the organizers (default) or also its electorate. */
  amendableBy: z.optional(z.enum(['organizers', 'electorate'])),
  /** An election: the id of the role (职务) whose holders it chooses, seated by `role.appointFromMotion`. */
  electsRole: z.optional(idSchema),
});

/** Revises a draft: any field of the definition but its kind. */
export const reviseMotionSchema = z.strictObject({
  ...z.omit(draftMotionSchema, { type: true, id: true, kind: true }).shape,
  type: z.literal('motion.revise'),
  motionId: idSchema,
  title: z.optional(draftMotionSchema.shape.title),
  scope: z.optional(scopeSchema),
  basis: z.optional(draftMotionSchema.shape.basis),
  rule: z.optional(draftMotionSchema.shape.rule),
  closesAt: z.optional(instant),
});

/**
 * Proposes an amendment (a replacement body text) to a draft motion: the organizers' office always; a
 * voter of the electorate it would have if it opened today (`voterId`, whose household a server checks)
 * where the motion is `amendableBy: 'electorate'`. An organizer naming `voterId` transcribes that voter's
 * written proposal.
 */
export const proposeAmendmentSchema = z.strictObject({
  type: z.literal('motion.proposeAmendment'),
  motionId: idSchema,
  id: z.optional(idSchema),
  text: multilineSchema(50_000, 1),
  note: z.optional(multilineSchema(2000)),
  voterId: z.optional(idSchema),
});

/** Accepts a pending amendment: its text becomes the body. The organizers' office only. */
export const acceptAmendmentSchema = z.strictObject({
  type: z.literal('motion.acceptAmendment'),
  motionId: idSchema,
  amendmentId: idSchema,
});

/** Rejects a pending amendment, with the reason the proposer will read: the organizers' office only. */
export const rejectAmendmentSchema = z.strictObject({
  type: z.literal('motion.rejectAmendment'),
  motionId: idSchema,
  amendmentId: idSchema,
  reason: z.optional(lineSchema(500)),
});

/** Opens a draft (at or after `opensAt`): the electorate is computed and frozen. */
export const openMotionSchema = z.strictObject({ type: z.literal('motion.open'), motionId: idSchema });

/** Closes an open motion and records its result: anyone after `closesAt`, the organizer before. */
export const closeMotionSchema = z.strictObject({ type: z.literal('motion.close'), motionId: idSchema });

/**
 * Moves an open motion's deadline later, before it has passed: the organizer's office only. A draft's
 * deadline is revised instead; a passed deadline stands, since the result is then known.
 */
export const extendMotionSchema = z.strictObject({
  type: z.literal('motion.extend'),
  motionId: idSchema,
  closesAt: instant,
});

/** Cancels a draft or an open motion (no result is recorded, no ballot is released): the organizer's office only. */
export const cancelMotionSchema = z.strictObject({
  type: z.literal('motion.cancel'),
  motionId: idSchema,
  reason: z.optional(lineSchema(500)),
});

/** Records a proxy (委托) for one voter on one motion. */
export const grantProxySchema = z.strictObject({
  type: z.literal('proxy.grant'),
  motionId: idSchema,
  voterId: idSchema,
  holder: nameSchema,
  paperRef: lineSchema(100),
  /** Where the scan of the signed paper is kept (a file name, an archive number). */
  scanRef: z.optional(lineSchema(200)),
  id: z.optional(idSchema),
});

/** Revokes a proxy before it is used. */
export const revokeProxySchema = z.strictObject({
  type: z.literal('proxy.revoke'),
  motionId: idSchema,
  proxyId: idSchema,
});

/** Casts (or, where allowed, replaces) a voter's ballot. Give exactly the field the motion's kind asks for. */
export const castBallotSchema = z.strictObject({
  type: z.literal('ballot.cast'),
  motionId: idSchema,
  voterId: idSchema,
  vote: z.optional(z.enum(['yes', 'no', 'abstain', 'block'])),
  option: z.optional(idSchema),
  options: z.optional(z.array(idSchema).check(z.maxLength(100))),
  scores: z.optional(z.record(idSchema, intSchema(0, 5))),
  ranking: z.optional(z.array(idSchema).check(z.maxLength(100))),
  points: z.optional(z.record(idSchema, intSchema(0, 100))),
  proxyId: z.optional(idSchema),
  paperRef: z.optional(lineSchema(100)),
});

/**
 * Takes a paper ballot out of the count: the correction of a paper entered by mistake (the wrong room,
 * the wrong answer). Names the paper it corrects, so only that entry is undone; the log keeps both
 * events. The organizer's office only, while the motion is open.
 */
export const withdrawBallotSchema = z.strictObject({
  type: z.literal('ballot.withdraw'),
  motionId: idSchema,
  voterId: idSchema,
  paperRef: lineSchema(100),
});

/**
 * A second organizer person confirms a paper ballot another entered on a `twoPerson` motion: it then
 * counts as if entered directly. The person who entered it may not confirm it.
 */
export const confirmPaperSchema = z.strictObject({
  type: z.literal('ballot.confirmPaper'),
  motionId: idSchema,
  voterId: idSchema,
  paperRef: lineSchema(100),
});

/**
 * Rejects a pending paper ballot as mis-entered (the wrong room, the wrong answer): it never counts,
 * and the room can be entered again. Any person of the organizer's office, the one who entered it too.
 */
export const rejectPaperSchema = z.strictObject({
  type: z.literal('ballot.rejectPaper'),
  motionId: idSchema,
  voterId: idSchema,
  paperRef: lineSchema(100),
});

/** Every voting command. */
export const votingCommandSchemas = [
  draftMotionSchema,
  reviseMotionSchema,
  proposeAmendmentSchema,
  acceptAmendmentSchema,
  rejectAmendmentSchema,
  openMotionSchema,
  closeMotionSchema,
  extendMotionSchema,
  cancelMotionSchema,
  grantProxySchema,
  revokeProxySchema,
  castBallotSchema,
  withdrawBallotSchema,
  confirmPaperSchema,
  rejectPaperSchema,
] as const;

/** A validated voting command. */
export type VotingCommand = z.output<(typeof votingCommandSchemas)[number]>;
