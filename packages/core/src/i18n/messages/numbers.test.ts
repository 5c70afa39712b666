import { describe, expect, it } from 'vitest';
import { errorFrom, LinliException, linliError } from '../../errors/linli-error.js';
import { fen } from '../../numbers/money.js';
import { numberError } from '../../numbers/number-error.js';
import { errorMessages } from '../messages.js';
import { numberMessages } from './numbers.js';

describe('the number domain’s own message table', () => {
  const codes = Object.keys(numberMessages) as (keyof typeof numberMessages)[];

  it('is exactly the catalog’s wording for those codes', () => {
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) {
      expect(errorMessages[code]).toBe(numberMessages[code]);
      const params = { what: 'fen', value: '1.5' };
      expect(numberError(code, ['x'], params)).toEqual(linliError(code, ['x'], params));
      expect(errorFrom(numberMessages, code)).toEqual(linliError(code));
    }
  });

  it('is what money arithmetic throws with', () => {
    let thrown: unknown;
    try {
      fen(1.5);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(LinliException);
    expect((thrown as LinliException).error).toEqual(
      linliError('number.not_integer', [], { what: 'fen', value: '1.5' }),
    );
  });
});
