import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from './command-line.js';

describe('parseCommandLine: organizer add --role', () => {
  it('takes a role by its name or by the Chinese name the help lists beside it', () => {
    for (const [given, role] of [
      ['building-head', 'building-head'],
      ['楼组长', 'building-head'],
      ['居委会干部', 'residents-committee'],
      ['业委会委员', 'owners-committee'],
    ] as const)
      expect(parseCommandLine(['organizer', 'add', 'lane9', '王阿姨', '--role', given])).toMatchObject({
        name: 'organizer add',
        role,
      });
  });

  it('refuses any other role in one usage line', () => {
    expect(() => parseCommandLine(['organizer', 'add', 'lane9', '王阿姨', '--role', '组长'])).toThrow(
      UsageError,
    );
  });
});
