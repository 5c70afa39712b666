import { LinliException } from '../errors/linli-error.js';
import { numberError } from './number-error.js';

/** Throws a typed exception unless `value` is a safe integer; `what` names it in the message. */
export function assertSafeInteger(value: number, what: string): void {
  if (!Number.isInteger(value)) {
    throw new LinliException(numberError('number.not_integer', [], { what, value: String(value) }));
  }
  if (!Number.isSafeInteger(value)) {
    throw new LinliException(numberError('number.unsafe', [], { what }));
  }
}

/** Returns `value` after checking it is a safe integer; used after every arithmetic step. */
export function checkedInteger(value: number, what: string): number {
  assertSafeInteger(value, what);
  return value;
}
