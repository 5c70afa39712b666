import type * as z from 'zod/mini';
import { type LinliError, linliError, type PathSegment } from '../errors/linli-error.js';
import { isLocalDate, type LocalDate } from '../time/local-date.js';
import { instantSchema, localDateSchema, monthSchema } from '../validation/schemas.js';
import { type Command, commandSchema } from './commands.js';

/** How far ahead of today a command may reach: a community plans terms and budgets, not decades. */
export const YEARS_AHEAD = 10;

/** The latest date a command may name: {@link YEARS_AHEAD} years after `today` (29 February → 28th). */
export function latestDate(today: LocalDate): LocalDate {
  const year = String(Number(today.slice(0, 4)) + YEARS_AHEAD).padStart(4, '0');
  const same = `${year}${today.slice(4)}`;
  return isLocalDate(same) ? same : (`${year}-02-28` as LocalDate);
}

/** A step of a path through a command: a field name, or `*` for every element of an array. */
type Step = string | typeof EVERY;
const EVERY = Symbol('every element');

const DATE_SCHEMAS: ReadonlySet<unknown> = new Set([localDateSchema, instantSchema, monthSchema]);

/** The fields of each command type that hold a date, an instant or a month. */
const datePathsByType: ReadonlyMap<string, readonly (readonly Step[])[]> = (() => {
  const byType = new Map<string, Step[][]>();
  for (const option of defOf(commandSchema).options as z.ZodMiniType[]) {
    const shape = defOf(option).shape as Record<string, z.ZodMiniType>;
    const type = (defOf(shape.type as z.ZodMiniType).values as string[])[0] as string;
    byType.set(type, datePaths(option));
  }
  return byType;
})();

function defOf(schema: z.ZodMiniType): Record<string, unknown> {
  return schema._zod.def as unknown as Record<string, unknown>;
}

/** Every path from `schema` to one of the shared date schemas. */
function datePaths(schema: z.ZodMiniType): Step[][] {
  if (DATE_SCHEMAS.has(schema)) return [[]];
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodMiniType>).flatMap(([key, field]) =>
        datePaths(field).map((path) => [key, ...path]),
      );
    case 'optional':
    case 'nullable':
    case 'default':
      return datePaths(def.innerType as z.ZodMiniType);
    case 'array':
      return datePaths(def.element as z.ZodMiniType).map((path) => [EVERY, ...path]);
    case 'union':
      return (def.options as z.ZodMiniType[]).flatMap(datePaths);
    default:
      return [];
  }
}

/**
 * The first date, instant or month of a validated command that lies more than {@link YEARS_AHEAD}
 * years after `today`, as a `date.too_late` error with its path; null when there is none. (Dates
 * before 1990 never get this far: the schemas refuse them.)
 */
export function checkDateWindow(command: Command, today: LocalDate): LinliError | null {
  const latest = latestDate(today);
  const visit = (value: unknown, path: readonly Step[], at: PathSegment[]): LinliError | null => {
    if (value === undefined) return null;
    const [step, ...rest] = path;
    if (step === undefined) {
      const date = String(value).slice(0, 10);
      return date > latest.slice(0, date.length)
        ? linliError('date.too_late', at, { value: String(value), latest })
        : null;
    }
    if (step === EVERY) {
      const list = value as readonly unknown[];
      for (let i = 0; i < list.length; i++) {
        const found = visit(list[i], rest, [...at, i]);
        if (found) return found;
      }
      return null;
    }
    return visit((value as Record<string, unknown>)[step], rest, [...at, step]);
  };
  for (const path of datePathsByType.get(command.type) ?? []) {
    const found = visit(command, path, []);
    if (found) return found;
  }
  return null;
}
