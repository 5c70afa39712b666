/**
 * The ballot number a pile of numbered papers most likely shows next: the last one with its trailing
 * number raised by one, zero padding kept (`P-009` → `P-010`, `17` → `18`); `''` when it ends in no
 * number. The organizer overwrites it when the pile is out of order.
 */
export function nextPaperRef(last: string): string {
  const match = /^(.*?)(\d+)$/.exec(last);
  if (!match) return '';
  const [, prefix = '', digits = ''] = match;
  const next = (BigInt(digits) + 1n).toString();
  return prefix + next.padStart(digits.length, '0');
}
