import { readFileSync } from 'node:fs';
import {
  type EventStore,
  isCheckpoint,
  type LinliError,
  type LoggedEvent,
  type LogHead,
  type Result,
  type SignedCheckpoint,
  verifyCheckpoint,
} from '@linli/core';
import { restoreLog } from '../restore.js';
import { parseTrustedHead, type TrustAnchor, verifyAnchored } from './anchor.js';
import { Checkpointer, readCheckpointFile } from './checkpointer.js';
import { loadSigningKey, type SigningKey } from './signing-key.js';

/** What a server start needs to check its log (the CLI reads these from the environment). */
export interface CheckedStartOptions {
  readonly store: EventStore;
  readonly community: string;
  /** Where the signing key is kept when `signingKey` is not given (created on first start). */
  readonly keyFile: string;
  /** `LINLI_SIGNING_KEY`: the key itself (PEM or base64), shared by every process of a deployment. */
  readonly signingKey?: string | undefined;
  /**
   * The key, already loaded (`loadSigningKey`): a server that opens many communities loads it once
   * rather than parsing it at each. Takes the place of `keyFile` and `signingKey`.
   */
  readonly key?: SigningKey | undefined;
  /** Where the last signed head is kept: outside the database (`LINLI_CHECKPOINT_FILE`). */
  readonly checkpointFile: string;
  /** `LINLI_TRUSTED_HEAD` (`seq:hash`): replaces the checkpoint file as the anchor when given. */
  readonly trustedHead?: string | undefined;
  /** `LINLI_RESTORE`: a backup file to put into the (empty) store first. */
  readonly restoreFrom?: string | undefined;
  /** `LINLI_PUBLIC_KEY`: the key that signed the backup's checkpoint, when restoring on a new machine. */
  readonly publicKey?: string | undefined;
}

/** A log that passed the start-up check, and the signer that keeps its checkpoint from now on. */
export interface CheckedStart {
  readonly checkpointer: Checkpointer;
  /** The server's public key (64 hex digits), to print: followers check checkpoints with it. */
  readonly publicKey: string;
  /** The restored backup, if one was. */
  readonly restored?: { readonly events: number; readonly head: string };
  /** Whether the log had no checkpoint yet and its current head was trusted as found (first start after an upgrade). */
  readonly firstCheckpoint: boolean;
  /**
   * The whole log as read and verified here: hand it to `createGovernance` (`log`, with
   * `verifyOnLoad: false`), so a start reads and hashes every event once, not twice.
   */
  readonly log: readonly LoggedEvent[];
}

/** A refusal the CLI prints: the typed error, and what was being done. */
export interface StartRefusal {
  readonly doing: string;
  readonly error: LinliError | string;
}

/**
 * Checks the log before the server serves it: restores `restoreFrom` if asked, then verifies every
 * event and that the log still contains the anchor — `trustedHead`, else the server's last
 * checkpoint (which must carry its own signature). An event rewritten in place is named by its seq;
 * a log rewritten and re-hashed, or rolled back, fails at the anchor (`head-mismatch`). Then signs
 * the current head and follows the store.
 */
export async function checkedStart(
  options: CheckedStartOptions,
): Promise<Result<CheckedStart, StartRefusal>> {
  const { store, community } = options;
  const refuse = (doing: string, error: LinliError | string) => ({
    ok: false as const,
    error: { doing, error },
  });
  let key: SigningKey;
  try {
    key = options.key ?? loadSigningKey(options.keyFile, options.signingKey);
  } catch (e) {
    return refuse('load the signing key', e instanceof Error ? e.message : String(e));
  }
  const saved = readCheckpointFile(options.checkpointFile);
  let checkpoint: SignedCheckpoint | undefined;
  if (saved !== undefined) {
    if (!(await verifyCheckpoint(saved, { publicKey: key.publicKey, community })) || !isCheckpoint(saved))
      return refuse(
        `check ${options.checkpointFile}`,
        'it is not a checkpoint this server signed (another key, or edited)',
      );
    checkpoint = saved;
  }
  let trusted: LogHead | undefined = checkpoint;
  if (options.trustedHead !== undefined) {
    trusted = parseTrustedHead(options.trustedHead);
    if (!trusted) return refuse('read LINLI_TRUSTED_HEAD', 'it must be <seq>:<64 hex digits of the hash>');
  }
  let restored: CheckedStart['restored'];
  if (options.restoreFrom !== undefined) {
    let backup: unknown;
    try {
      backup = JSON.parse(readFileSync(options.restoreFrom, 'utf8'));
    } catch (e) {
      return refuse(`restore ${options.restoreFrom}`, e instanceof Error ? e.message : String(e));
    }
    const backupCheckpoint =
      typeof backup === 'object' && backup !== null && 'checkpoint' in backup ? backup.checkpoint : undefined;
    const anchor: TrustAnchor | undefined = trusted
      ? { trustedHead: trusted }
      : backupCheckpoint !== undefined
        ? { publicKey: options.publicKey ?? key.publicKey, checkpoint: backupCheckpoint }
        : undefined;
    if (!anchor)
      return refuse(
        `restore ${options.restoreFrom}`,
        'nothing to check it against: give LINLI_TRUSTED_HEAD=<seq>:<hash>, or a backup with its checkpoint',
      );
    const result = await restoreLog(store, backup, anchor);
    if (!result.ok) return refuse(`restore ${options.restoreFrom}`, result.error);
    restored = result.value;
  }
  // With the payloads' stored text, where the store has it, each hash is taken over the text as read.
  const { events: log, payloadTexts } = store.readWithPayloadTexts
    ? await store.readWithPayloadTexts()
    : { events: await store.read(), payloadTexts: undefined };
  const checked = verifyAnchored(log, trusted, payloadTexts);
  if (!checked.ok) return refuse('start on this log', checked.error);
  // An explicit trusted head overrides the saved checkpoint, which is then signed afresh.
  const keep = options.trustedHead === undefined ? checkpoint : undefined;
  const checkpointer = new Checkpointer(key, community, options.checkpointFile, keep);
  checkpointer.advance(checked.value);
  checkpointer.follow(store);
  return {
    ok: true,
    value: {
      checkpointer,
      publicKey: key.publicKey,
      firstCheckpoint: checkpoint === undefined,
      log,
      ...(restored ? { restored } : {}),
    },
  };
}
