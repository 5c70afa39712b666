import fc from 'fast-check';

/** Strings of any UTF-16 units, lone surrogates and control characters included. */
export const anyString: fc.Arbitrary<string> = fc.string({ unit: 'binary' });

/** Any value canonical JSON accepts: strings as above, finite numbers, booleans, null, arrays, objects. */
export const jsonish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    anyString,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(anyString, tie('value'), { maxKeys: 4 }),
  ),
})).value;
