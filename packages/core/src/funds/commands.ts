import * as z from 'zod/mini';
import { attachmentsSchema } from '../attachments/attachment.js';
import {
  idSchema,
  intSchema,
  localDateSchema,
  monthSchema,
  nameSchema,
  scopeSchema,
} from '../validation/schemas.js';
import { lineSchema } from '../validation/text.js';
import { setProjectStatusSchema, spendOnProjectSchema } from './project-commands.js';
import { PAYMENT_METHODS } from './receipts.js';

const fen = intSchema(1, 1_000_000_000_000); // up to ¥10 billion per amount
const text = lineSchema;
const month = monthSchema;

const coefficient = intSchema(0, 10_000);
const simpleBasis = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('equal') }),
  z.strictObject({ kind: z.literal('area') }),
  z.strictObject({
    kind: z.literal('floorCoefficients'),
    coefficients: z.record(z.string().check(z.regex(/^-?\d{1,3}$/)), coefficient),
    above: z.optional(coefficient),
  }),
  z.strictObject({
    kind: z.literal('elevator'),
    fromFloor: intSchema(-20, 300),
    within: z.enum(['equal', 'area']),
  }),
]);
const basis = z.union([
  simpleBasis,
  z.strictObject({
    kind: z.literal('combined'),
    parts: z
      .array(z.strictObject({ basisPoints: intSchema(1, 10_000), basis: simpleBasis }))
      .check(z.minLength(1), z.maxLength(10)),
  }),
]);
const reasonRow = z.strictObject({ unitId: idSchema, reason: text(200) });

/** Defines a cost-sharing scheme, or a new version of one: the units in scope are frozen into it. */
export const defineSchemeSchema = z.strictObject({
  type: z.literal('scheme.define'),
  id: z.optional(idSchema),
  name: nameSchema,
  scope: scopeSchema,
  basis,
  method: z.optional(z.enum(['hamilton', 'webster'])),
  subsidy: z.optional(
    z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('fixed'), amount: fen }),
      z.strictObject({ kind: z.literal('percent'), basisPoints: intSchema(1, 10_000), cap: z.optional(fen) }),
    ]),
  ),
  exemptions: z.optional(z.array(reasonRow).check(z.maxLength(10_000))),
  fixed: z.optional(
    z
      .array(z.strictObject({ unitId: idSchema, amount: intSchema(0, 1_000_000_000_000), reason: text(200) }))
      .check(z.maxLength(10_000)),
  ),
  caps: z.optional(
    z
      .array(z.strictObject({ unitId: z.optional(idSchema), max: intSchema(0, 1_000_000_000_000) }))
      .check(z.maxLength(10_000)),
  ),
  adjustments: z.optional(
    z
      .array(
        z.strictObject({
          unitId: idSchema,
          amount: intSchema(-1_000_000_000_000, 1_000_000_000_000),
          reason: text(200),
        }),
      )
      .check(z.maxLength(10_000)),
  ),
});

/** Opens a fund (e.g. "Building 96 elevator") with a budget. */
export const openFundSchema = z.strictObject({
  type: z.literal('fund.open'),
  id: z.optional(idSchema),
  name: nameSchema,
  budget: intSchema(0, 1_000_000_000_000),
});

/** Pledges every unit's share of `cost` under a scheme version (the latest when omitted). */
export const pledgeSchema = z.strictObject({
  type: z.literal('fund.pledge'),
  fundId: idSchema,
  schemeId: idSchema,
  version: z.optional(intSchema(1, 1_000_000)),
  cost: fen,
  due: localDateSchema,
  date: z.optional(localDateSchema),
});

/** A unit pays. More than it owes only with `asCredit: true`. */
export const paySchema = z.strictObject({
  type: z.literal('fund.pay'),
  fundId: idSchema,
  unitId: idSchema,
  amount: fen,
  date: z.optional(localDateSchema),
  reference: z.optional(text(100)),
  /** How it was paid. */
  method: z.optional(z.enum(PAYMENT_METHODS)),
  /** The receipt number (收据号); the core assigns the fund's next one when absent. Unique per fund. */
  receiptNo: z.optional(text(40)),
  asCredit: z.optional(z.boolean()),
  /** Photos or scans of the receipt (收据). */
  attachments: attachmentsSchema,
});

/** Money paid back to a unit (no more than it paid). */
export const refundSchema = z.strictObject({
  type: z.literal('fund.refund'),
  fundId: idSchema,
  unitId: idSchema,
  amount: fen,
  date: z.optional(localDateSchema),
  reference: text(100),
});

/** Money spent, with its receipt. */
export const expenseSchema = z.strictObject({
  type: z.literal('fund.expense'),
  fundId: idSchema,
  amount: fen,
  date: z.optional(localDateSchema),
  receipt: text(100),
  description: text(500),
  /** Photos or scans of the receipt or invoice. */
  attachments: attachmentsSchema,
});

/**
 * Income such as elevator ad revenue. Its related costs are recorded as an expense; what is left
 * (Art. 282) either goes to a recurring charge's offset pool or is credited to units by a scheme.
 */
export const incomeSchema = z.strictObject({
  type: z.literal('fund.income'),
  fundId: idSchema,
  amount: fen,
  relatedCosts: z.optional(intSchema(0, 1_000_000_000_000)),
  date: z.optional(localDateSchema),
  source: text(200),
  /** The invoice's number, e.g. the tax bureau's 代开发票 for ad-space rent; kept as the entry's reference. */
  invoice: z.optional(text(100)),
  offset: z.optional(
    z.union([
      z.strictObject({ chargeId: idSchema }),
      z.strictObject({ schemeId: idSchema, version: z.optional(intSchema(1, 1_000_000)) }),
    ]),
  ),
  /** The invoice (e.g. the tax bureau's 代开发票) or contract, scanned. */
  attachments: attachmentsSchema,
});

/** Moves money between funds. */
export const transferSchema = z.strictObject({
  type: z.literal('fund.transfer'),
  fundId: idSchema,
  toFundId: idSchema,
  amount: fen,
  date: z.optional(localDateSchema),
  note: text(200),
});

/** Cancels an entry with a reversing entry (entries are never edited). */
export const reverseSchema = z.strictObject({
  type: z.literal('fund.reverse'),
  fundId: idSchema,
  entryId: idSchema,
  reason: text(200),
});

/** A monthly charge split over the households in scope, prorated by days lived there. */
export const defineChargeSchema = z.strictObject({
  type: z.literal('charge.define'),
  id: z.optional(idSchema),
  fundId: idSchema,
  name: nameSchema,
  monthlyAmount: fen,
  scope: scopeSchema,
  split: z.optional(z.enum(['equal', 'area'])),
  start: month,
  end: z.optional(month),
  /** The day of the month each bill falls due (1–31, default 1; the last day in a shorter month). */
  dueDay: z.optional(intSchema(1, 31)),
  /**
   * Opens fund `fundId` for this charge in the same batch (the doorman's wage gets its own fund):
   * both or neither. `fundId` must then be free.
   */
  openFund: z.optional(z.strictObject({ name: nameSchema })),
});

/** Ends a recurring charge after `end` (a month `YYYY-MM`): no month after it is billed. */
export const endChargeSchema = z.strictObject({
  type: z.literal('charge.end'),
  chargeId: idSchema,
  end: month,
});

/** Bills one month of a recurring charge. */
export const billChargeSchema = z.strictObject({ type: z.literal('charge.bill'), chargeId: idSchema, month });

/** Every funds command. */
export const fundsCommandSchemas = [
  defineSchemeSchema,
  openFundSchema,
  pledgeSchema,
  paySchema,
  refundSchema,
  expenseSchema,
  incomeSchema,
  transferSchema,
  reverseSchema,
  defineChargeSchema,
  endChargeSchema,
  billChargeSchema,
  setProjectStatusSchema,
  spendOnProjectSchema,
] as const;

/** A validated funds command. */
export type FundsCommand = z.output<(typeof fundsCommandSchemas)[number]>;
