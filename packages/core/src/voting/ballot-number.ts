/**
 * The number printed on a household's paper ballot form, and typed back as the paper reference when
 * the form is entered. It depends only on the motion and the voter, so a reprint carries the same
 * number and two organizers printing apart agree. Nine digits from a 64-bit FNV-1a hash of both ids,
 * then a Luhn check digit so that a mistyped digit or a swap of neighbours is caught at entry. It is
 * not a secret and proves nothing about who filled the form in: the signature does that.
 */
export function ballotNumber(motionId: string, voterId: string): string {
  const body = (fnv1a64(`${motionId}\u0000${voterId}`) % 1_000_000_000n).toString().padStart(9, '0');
  const digits = body + luhnDigit(body);
  return `${digits.slice(0, 5)}-${digits.slice(5)}`;
}

/**
 * Whether `typed` (spaces and hyphens ignored) is the ballot number of this voter on this motion: a
 * paper-entry screen checks the reference an organizer typed against the room they picked.
 */
export function isBallotNumberOf(typed: string, motionId: string, voterId: string): boolean {
  const digits = typed.replace(/[\s-]/g, '');
  return digits === ballotNumber(motionId, voterId).replace('-', '');
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;

/** FNV-1a over the UTF-8 bytes: small, synchronous and the same in every runtime. */
function fnv1a64(text: string): bigint {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash;
}

/** The Luhn digit that makes `body` followed by it a valid Luhn number. */
function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = Number(body[body.length - 1 - i]);
    // The rightmost body digit is doubled, since the check digit goes to its right.
    const doubled = i % 2 === 0 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return String((10 - (sum % 10)) % 10);
}
