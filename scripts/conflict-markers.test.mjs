import { describe, expect, it } from 'vitest';
import { conflictMarkers } from './conflict-markers.mjs';

describe('conflictMarkers', () => {
  it('finds each marker of an unresolved merge by line', () => {
    const text = ['# Title', '<<<<<<< HEAD', 'ours', '=======', 'theirs', '>>>>>>> wt-x', 'end'].join('\n');
    expect(conflictMarkers(text)).toEqual([2, 4, 6]);
  });

  it('finds a half-resolved merge: an opening marker and its divider, with no closing marker', () => {
    expect(conflictMarkers(['<<<<<<< HEAD', 'ours', '=======', 'theirs'].join('\n'))).toEqual([1, 3]);
  });

  it('leaves Markdown rules, setext headings and code alone', () => {
    const text = ['Heading', '=======', '', 'Sub', '--------', 'a ======= b', '========', '<<<<<<<<'].join(
      '\n',
    );
    expect(conflictMarkers(text)).toEqual([]);
  });
});
