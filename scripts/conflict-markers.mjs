/**
 * Lines a merge left unresolved: `<<<<<<< ` and `>>>>>>> ` at the start of a line, and a lone
 * `=======` after an opening marker (alone it is a Markdown heading's underline). Markdown is not
 * checked by the formatter or the compiler, so a README can keep them unnoticed.
 */
export function conflictMarkers(text) {
  const found = [];
  let open = false;
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.replace(/\r$/, '');
    if (/^<{7} /.test(line)) open = true;
    else if (/^>{7} /.test(line)) open = false;
    else if (!(open && line === '=======')) continue;
    found.push(i + 1);
  }
  return found;
}
