import { describe, expect, it } from 'vitest';
import { longFunctions } from './function-length.mjs';

/** A function of `lines` lines in total, written as `head`…`}`. */
const fn = (head, lines) => `${head}\n${'  x++;\n'.repeat(lines - 2)}}`;

describe('longFunctions', () => {
  it('counts a function from its first line to its last, signature and closing brace included', () => {
    expect(longFunctions(fn('function ok() {', 120), 'a.ts')).toEqual([]);
    expect(longFunctions(fn('function tooLong() {', 121), 'a.ts')).toEqual([
      { name: 'tooLong', line: 1, lines: 121 },
    ]);
  });

  it('catches arrows, methods and nested functions, named by what holds them', () => {
    const text = [
      '/** TSDoc does not count. */',
      fn('export const arrow = () => {', 5),
      fn('class C {\n  method() {', 6),
      '}',
      fn('function outer() {\n  const inner = function () {', 6),
      '}',
    ].join('\n');
    expect(longFunctions(text, 'b.ts', 4).map((f) => [f.name, f.line, f.lines])).toEqual([
      ['arrow', 2, 5],
      ['method', 8, 6],
      ['outer', 15, 8],
      ['inner', 16, 6],
    ]);
  });
});
