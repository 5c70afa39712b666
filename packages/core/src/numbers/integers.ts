import { LinliException, linliError } from '../errors/linli-error.js';

/** Throws a typed exception unless `value` is a safe integer; `what` names it in the message. */
export function assertSafeInteger(value: number, what: string): void {
  if (!Number.isInteger(value)) {
    throw new LinliException(linliError('number.not_integer', [], { what, value: String(value) }));
  }
  if (!Number.isSafeInteger(value)) {
    throw new LinliException(linliError('number.unsafe', [], { what }));
  }
}

/** Returns `value` after checking it is a safe integer; used after every arithmetic step. */
export function checkedInteger(value: number, what: string): number {
  assertSafeInteger(value, what);
  return value;
}
