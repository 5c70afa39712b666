import { existsSync, readFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import type { EventStore, LogHead, SignedCheckpoint } from '@linli/core';
import { type SigningKey, signCheckpoint } from './signing-key.js';

/** The last checkpoint saved at `file`, unchecked (undefined if there is none yet). */
export function readCheckpointFile(file: string): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return null; // present but unreadable: never a valid checkpoint, so the start-up check refuses it
  }
}

/** Checkpointers made in this process, for their temporary files' names. */
let written = 0;

/**
 * Signs each new head of one community's log and keeps the newest signature in a file outside the
 * database, so that a database rewritten or rolled back behind it is caught at the next start.
 * Signing is synchronous (tens of microseconds), so the published view always carries the newest
 * head; saving is asynchronous and coalesced — one durable write (fsync, then an atomic rename) at a
 * time, the newest head going out next — so the file trails the log by at most the commits of one
 * write, a few milliseconds.
 */
export class Checkpointer {
  /**
   * Its own temporary file: several server processes sharing one data folder (on one PostgreSQL)
   * save the same community's checkpoint, and a shared name would let one rename away another's.
   */
  private readonly temporary: string;
  private newest: SignedCheckpoint | undefined;
  private saving: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly key: SigningKey,
    private readonly community: string,
    private readonly file: string,
    /** The checkpoint already saved, if any: heads at or before it are not signed again. */
    saved?: SignedCheckpoint,
  ) {
    this.newest = saved;
    written += 1;
    this.temporary = `${file}.${process.pid}.${written}.tmp`;
  }

  /** The newest signed head, for the published view and the organizer's reads. */
  get latest(): SignedCheckpoint | undefined {
    return this.newest;
  }

  /** Signs `head` if it is newer than the newest signed one, and saves it. */
  advance(head: LogHead): void {
    if (this.newest && head.seq <= this.newest.seq) return;
    this.newest = signCheckpoint(this.key, this.community, head);
    this.save();
  }

  /** Signs every head the store announces, from any writer; returns the unsubscribe function. */
  follow(store: EventStore): () => void {
    return store.subscribe((events) => {
      const last = events.at(-1);
      if (last) this.advance(last);
    });
  }

  /** Resolves once the newest checkpoint is on disk. */
  async flush(): Promise<void> {
    while (this.saving) await this.saving;
  }

  private save(): void {
    if (this.saving) {
      this.again = true;
      return;
    }
    this.saving = this.write().finally(() => {
      this.saving = undefined;
    });
  }

  private async write(): Promise<void> {
    do {
      this.again = false;
      const temporary = this.temporary;
      const handle = await open(temporary, 'w', 0o600);
      try {
        await handle.writeFile(`${JSON.stringify(this.newest, null, 2)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, this.file);
    } while (this.again);
  }
}
