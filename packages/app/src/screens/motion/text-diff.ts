/** A run of characters within a line: unchanged, or the part this line removes or adds. */
export interface DiffPart {
  readonly changed: boolean;
  readonly text: string;
}

/** One line of a diff: kept as it was, removed from the current text, or added by the proposal. */
export interface DiffRow {
  readonly kind: 'same' | 'removed' | 'added';
  /** The line's characters; within a removed or added line, `changed` marks what differs from its pair. */
  readonly parts: readonly DiffPart[];
}

type Op = 'same' | 'removed' | 'added';

/**
 * Above this many table cells (lines × lines, or characters × characters) the middle is shown as
 * replaced whole instead of searched: a 50,000-character body stays a bounded amount of work.
 */
const MAX_CELLS = 2_000_000;

/**
 * The edit script from `a` to `b` along a longest common subsequence: the common prefix and suffix
 * first (most amendments change a few lines), then a table over what is left.
 */
function editScript<T>(a: readonly T[], b: readonly T[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  const middle: Op[] = [];
  if (n * m > MAX_CELLS) {
    middle.push(...Array<Op>(n).fill('removed'), ...Array<Op>(m).fill('added'));
  } else {
    // lcs[i * (m + 1) + j]: the longest common subsequence of a[start + i…] and b[start + j…].
    const lcs = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i * (m + 1) + j] =
          a[start + i] === b[start + j]
            ? (lcs[(i + 1) * (m + 1) + j + 1] ?? 0) + 1
            : Math.max(lcs[(i + 1) * (m + 1) + j] ?? 0, lcs[i * (m + 1) + j + 1] ?? 0);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) {
        middle.push('same');
        i++;
        j++;
      } else if (j < m && (i === n || (lcs[i * (m + 1) + j + 1] ?? 0) >= (lcs[(i + 1) * (m + 1) + j] ?? 0))) {
        middle.push('added');
        j++;
      } else {
        middle.push('removed');
        i++;
      }
    }
  }
  return [...Array<Op>(start).fill('same'), ...middle, ...Array<Op>(a.length - endA).fill('same')];
}

/** Consecutive characters of one kind joined into parts. */
function parts(chars: readonly string[], changed: readonly boolean[]): DiffPart[] {
  const out: { changed: boolean; text: string }[] = [];
  for (const [k, c] of chars.entries()) {
    const flag = changed[k] ?? true;
    const last = out.at(-1);
    if (last && last.changed === flag) last.text += c;
    else out.push({ changed: flag, text: c });
  }
  return out;
}

/**
 * A removed line and the added line that replaces it, character by character. Characters are code
 * points, so a Chinese sentence diffs by its characters (it has no spaces to split words on) and an
 * emoji or a rare character outside the BMP is never cut in half.
 */
function linePair(before: string, after: string): [DiffRow, DiffRow] {
  const a = Array.from(before);
  const b = Array.from(after);
  const removed: boolean[] = [];
  const added: boolean[] = [];
  for (const op of editScript(a, b)) {
    if (op !== 'added') removed.push(op === 'removed');
    if (op !== 'removed') added.push(op === 'added');
  }
  return [
    { kind: 'removed', parts: parts(a, removed) },
    { kind: 'added', parts: parts(b, added) },
  ];
}

const whole = (kind: DiffRow['kind'], line: string): DiffRow => ({
  kind,
  parts: line === '' ? [] : [{ changed: kind !== 'same', text: line }],
});

/**
 * How `after` (a proposed text) differs from `before` (the current one), line by line, with the
 * characters that changed marked inside each pair of replaced lines. Every line of `before` is in a
 * `same` or `removed` row, every line of `after` in a `same` or `added` row, in order. Pure.
 */
export function diffText(before: string, after: string): DiffRow[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    const pairs = Math.min(removed.length, added.length);
    const paired = removed.slice(0, pairs).map((line, k) => linePair(line, added[k] ?? ''));
    rows.push(
      ...paired.map(([r]) => r),
      ...removed.slice(pairs).map((line) => whole('removed', line)),
      ...paired.map(([, a]) => a),
      ...added.slice(pairs).map((line) => whole('added', line)),
    );
    removed = [];
    added = [];
  };
  for (const op of editScript(a, b)) {
    if (op === 'removed') removed.push(a[i++] ?? '');
    else if (op === 'added') added.push(b[j++] ?? '');
    else {
      flush();
      rows.push(whole('same', a[i++] ?? ''));
      j++;
    }
  }
  flush();
  return rows;
}

/** How many lines a diff removes and adds (a pair of replaced lines counts once each way). */
export function diffCounts(rows: readonly DiffRow[]): { removed: number; added: number } {
  return {
    removed: rows.filter((r) => r.kind === 'removed').length,
    added: rows.filter((r) => r.kind === 'added').length,
  };
}
