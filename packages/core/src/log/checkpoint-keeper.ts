import { type LinliError, linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import { type SignedCheckpoint, verifyCheckpoint } from './checkpoint.js';

/** Options of a {@link CheckpointKeeper}. */
export interface CheckpointKeeperOptions {
  /**
   * The server's Ed25519 public key (64 hex digits), learnt out of band. Without it, the key of the
   * first checkpoint accepted is the one every later checkpoint must carry (trust on first use).
   */
  readonly publicKey?: string;
  /** The community the checkpoints must be about. */
  readonly community?: string;
  /** The newest checkpoint kept from an earlier session (e.g. from localStorage). */
  readonly checkpoint?: SignedCheckpoint;
}

const corrupt = (seq: number, reason: string) => err(linliError('log.corrupt', [], { seq, reason }));

/**
 * What a follower of a Linli server — `HttpStore`, a browser page reading the published view — keeps:
 * the newest checkpoint it has checked. It accepts a checkpoint only if the server's key signed it and
 * it is not older than the one kept (nor a different hash at the same seq), so a server whose
 * database was rewritten or rolled back behind what this follower saw is caught.
 */
export class CheckpointKeeper {
  private kept: SignedCheckpoint | undefined;

  constructor(private readonly options: CheckpointKeeperOptions = {}) {
    this.kept = options.checkpoint;
  }

  /** The newest checkpoint accepted: keep it for the next session. */
  get newest(): SignedCheckpoint | undefined {
    return this.kept;
  }

  /**
   * Checks a checkpoint the server showed and keeps it if it is newer. Refuses with `log.corrupt`:
   * `bad-checkpoint` (not signed by the server's key, or not about the community), `rolled-back`
   * (older than, or different at the seq of, the one kept).
   */
  async accept(checkpoint: unknown): Promise<Result<SignedCheckpoint, LinliError>> {
    const kept = this.kept;
    const publicKey = this.options.publicKey ?? kept?.publicKey;
    const community = this.options.community ?? kept?.community;
    const checks = {
      ...(publicKey === undefined ? {} : { publicKey }),
      ...(community === undefined ? {} : { community }),
    };
    if (!(await verifyCheckpoint(checkpoint, checks))) return corrupt((kept?.seq ?? 0) + 1, 'bad-checkpoint');
    const signed = checkpoint as SignedCheckpoint;
    if (kept && (signed.seq < kept.seq || (signed.seq === kept.seq && signed.hash !== kept.hash)))
      return corrupt(signed.seq + 1, 'rolled-back');
    this.kept = signed;
    return ok(signed);
  }
}
