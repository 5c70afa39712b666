import * as z from 'zod/mini';
import { contactSchema, idSchema, intSchema, localDateSchema, nameSchema } from '../validation/schemas.js';
import { lineSchema } from '../validation/text.js';

const MAX_AREA = 10_000_000_00; // 10 million m² in hundredths: far beyond any dwelling, well within safe integers.
const areaSchema = intSchema(1, MAX_AREA);
const areaSourceSchema = z.enum(['registered', 'surveyed', 'contract']);

/** Founds the community (小区). Exactly once per log. */
export const foundCommunitySchema = z.strictObject({
  type: z.literal('community.found'),
  name: nameSchema,
  id: z.optional(idSchema),
});

/** Adds a building (楼). */
export const addBuildingSchema = z.strictObject({
  type: z.literal('building.add'),
  name: nameSchema,
  id: z.optional(idSchema),
});

/** Adds a stairwell (单元) to a building. */
export const addStairwellSchema = z.strictObject({
  type: z.literal('stairwell.add'),
  buildingId: idSchema,
  name: nameSchema,
  id: z.optional(idSchema),
});

/** Adds a unit (户) with its first area figure, in hundredths of m². */
export const addUnitSchema = z.strictObject({
  type: z.literal('unit.add'),
  stairwellId: idSchema,
  room: lineSchema(20),
  floor: intSchema(-20, 300),
  area: areaSchema,
  areaSource: areaSourceSchema,
  id: z.optional(idSchema),
});

/** Records (or corrects) a unit's area from one source; the law's ranking picks the effective figure. */
export const recordAreaSchema = z.strictObject({
  type: z.literal('unit.recordArea'),
  unitId: idSchema,
  area: areaSchema,
  areaSource: areaSourceSchema,
});

/** Registers an owner (业主). */
export const registerOwnerSchema = z.strictObject({
  type: z.literal('owner.register'),
  name: nameSchema,
  kind: z.enum(['person', 'organisation']),
  developer: z.optional(z.boolean()),
  contact: z.optional(contactSchema),
  id: z.optional(idSchema),
});

/** Records that a unit belongs to `ownerIds` from `date` on (the first transfer registers the first owner). */
export const transferUnitSchema = z.strictObject({
  type: z.literal('unit.transfer'),
  unitId: idSchema,
  ownerIds: z.array(idSchema).check(z.minLength(1), z.maxLength(20)),
  date: z.optional(localDateSchema),
});

/** A resident moves into a unit. */
export const moveInSchema = z.strictObject({
  type: z.literal('resident.moveIn'),
  unitId: idSchema,
  name: z.optional(nameSchema),
  birthYear: z.optional(intSchema(1880, 2200)),
  contact: z.optional(contactSchema),
  date: z.optional(localDateSchema),
  id: z.optional(idSchema),
});

/** A resident moves out. */
export const moveOutSchema = z.strictObject({
  type: z.literal('resident.moveOut'),
  residentId: idSchema,
  date: z.optional(localDateSchema),
});

/**
 * Corrects an owner's name or contact details (a typo in the register, a new phone). Only the fields
 * given change; `contact` replaces the old details whole. Ownership history is not touched: a new
 * owner is a transfer, not an edit.
 */
export const updateOwnerSchema = z.strictObject({
  type: z.literal('owner.update'),
  ownerId: idSchema,
  name: z.optional(nameSchema),
  contact: z.optional(contactSchema),
});

/**
 * Corrects a resident's name, birth year (duty rotas' age exemptions read it) or contact details.
 * Only the fields given change; `contact` replaces the old details whole. Moves are `resident.moveIn`
 * and `resident.moveOut`, never an edit.
 */
export const updateResidentSchema = z.strictObject({
  type: z.literal('resident.update'),
  residentId: idSchema,
  name: z.optional(nameSchema),
  birthYear: z.optional(intSchema(1880, 2200)),
  contact: z.optional(contactSchema),
});

/** An owner as a household form names them: one already registered, or a new one by name. */
export const ownerRefSchema = z.union([
  z.strictObject({ ownerId: idSchema }),
  z.strictObject({
    name: nameSchema,
    kind: z.optional(z.enum(['person', 'organisation'])),
    contact: z.optional(contactSchema),
  }),
]);

/** A resident as a household form names them. */
export const newResidentSchema = z.strictObject({
  name: z.optional(nameSchema),
  birthYear: z.optional(intSchema(1880, 2200)),
  contact: z.optional(contactSchema),
});

/**
 * Adds a household in one step, all or nothing: the unit in its stairwell, its owners (new ones are
 * registered) from `ownedFrom`, and the residents who live there from `movedIn` (default `ownedFrom`,
 * itself default today).
 */
export const addHouseholdSchema = z.strictObject({
  type: z.literal('household.add'),
  stairwellId: idSchema,
  room: lineSchema(20),
  floor: intSchema(-20, 300),
  area: areaSchema,
  areaSource: z.optional(areaSourceSchema),
  owners: z.array(ownerRefSchema).check(z.minLength(1), z.maxLength(20)),
  ownedFrom: z.optional(localDateSchema),
  residents: z.optional(z.array(newResidentSchema).check(z.maxLength(20))),
  movedIn: z.optional(localDateSchema),
  id: z.optional(idSchema),
});

/**
 * Records a transfer of ownership (过户) from `date` on, all or nothing: new owners named in it are
 * registered with it, so a refused transfer leaves no stray owner behind.
 */
export const transferHouseholdSchema = z.strictObject({
  type: z.literal('household.transfer'),
  unitId: idSchema,
  owners: z.array(ownerRefSchema).check(z.minLength(1), z.maxLength(20)),
  date: z.optional(localDateSchema),
});

/** The most rows one `register.import` may carry (the parser's limit too). */
export const MAX_IMPORT_ROWS = 20_000;

/** One unit of a housing register, as `register.import` carries it: names, not ids. */
export const registerRowSchema = z.strictObject({
  building: nameSchema,
  stairwell: nameSchema,
  room: lineSchema(20),
  floor: intSchema(-20, 300),
  area: areaSchema,
  areaSource: areaSourceSchema,
  /** The owner first, then co-owners; empty for a unit the developer has not sold. */
  owners: z.array(nameSchema).check(z.maxLength(20)),
  developer: z.boolean(),
  phone: z.optional(lineSchema(40)),
  moveIn: z.optional(localDateSchema),
});

/**
 * Applies a housing register (房屋清册) as one all-or-nothing batch: adds what is missing and records
 * what changed, matching units by building, stairwell and room. Ownership changes are dated `date`
 * (default today). The same register twice adds nothing.
 */
export const importRegisterSchema = z.strictObject({
  type: z.literal('register.import'),
  rows: z.array(registerRowSchema).check(z.minLength(1), z.maxLength(MAX_IMPORT_ROWS)),
  date: z.optional(localDateSchema),
});

/** Every community command. */
export const communityCommandSchemas = [
  foundCommunitySchema,
  addBuildingSchema,
  addStairwellSchema,
  addUnitSchema,
  recordAreaSchema,
  registerOwnerSchema,
  transferUnitSchema,
  moveInSchema,
  moveOutSchema,
  importRegisterSchema,
  updateOwnerSchema,
  updateResidentSchema,
  addHouseholdSchema,
  transferHouseholdSchema,
] as const;

/** A community command after validation. */
export type CommunityCommand = z.output<(typeof communityCommandSchemas)[number]>;

/** A community command as a caller writes it. */
export type CommunityCommandInput = z.input<(typeof communityCommandSchemas)[number]>;
