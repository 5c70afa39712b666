import {
  type LinliError,
  type LoggedEvent,
  type LogHead,
  linliError,
  type Result,
  verify,
  verifyCheckpoint,
} from '@linli/core';

/**
 * What a log is checked against: a head recorded somewhere safe (`seq:hash`), or a checkpoint and the
 * public key of the server that signed it.
 */
export type TrustAnchor =
  | { readonly trustedHead: LogHead }
  | { readonly publicKey: string; readonly checkpoint: unknown };

const corrupt = (seq: number, reason: string): Result<never, LinliError> => ({
  ok: false,
  error: linliError('log.corrupt', [], { seq, reason }),
});

/** The head an anchor vouches for; a checkpoint not signed by the key is refused (`bad-checkpoint`). */
export async function anchoredHead(anchor: TrustAnchor): Promise<Result<LogHead, LinliError>> {
  if ('trustedHead' in anchor) return { ok: true, value: anchor.trustedHead };
  if (!(await verifyCheckpoint(anchor.checkpoint, { publicKey: anchor.publicKey })))
    return corrupt(0, 'bad-checkpoint');
  const { seq, hash } = anchor.checkpoint as LogHead;
  return { ok: true, value: { seq, hash } };
}

/**
 * Verifies `events` as a whole log that must contain `trustedHead` (if given). Refuses with
 * `log.corrupt` naming the first bad seq: an edited event by its own seq; a log rewritten and
 * re-hashed, or cut short, at the trusted head (`head-mismatch`); anything that is not a log at 0.
 * `payloadTexts`: the stored text of each payload, when the store read them (`readWithPayloadTexts`).
 */
export function verifyAnchored(
  events: unknown,
  trustedHead?: LogHead,
  payloadTexts?: readonly string[],
): Result<LogHead, LinliError> {
  if (!Array.isArray(events)) return corrupt(0, 'not a log');
  let checked: ReturnType<typeof verify>;
  try {
    checked = verify(events as LoggedEvent[], {
      ...(trustedHead ? { trustedHead } : {}),
      ...(payloadTexts ? { payloadTexts } : {}),
    });
  } catch {
    return corrupt(0, 'not a log');
  }
  return checked.ok ? { ok: true, value: checked.head } : corrupt(checked.seq, checked.reason);
}

/** Reads `seq:hash` (as `LINLI_TRUSTED_HEAD` gives it), or undefined if it is not one. */
export function parseTrustedHead(text: string): LogHead | undefined {
  const match = /^(\d{1,15}):([0-9a-f]{64})$/.exec(text.trim());
  return match ? { seq: Number(match[1]), hash: match[2] as string } : undefined;
}
