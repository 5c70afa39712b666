import { writeFileSync } from 'node:fs';
import type { LoggedEvent } from '@linli/core';
import {
  backupBlobs,
  blobProblems,
  type RestorableBlob,
  readBlobsFile,
  restoreBlobs,
} from '../blobs/blob-backup.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { checkedStart } from '../checkpoint/checked-start.js';
import { readCheckpointFile } from '../checkpoint/checkpointer.js';
import type { Print } from './admin.js';
import type { DataFolder } from './data-folder.js';

/** A command that ran but refused (a corrupt log, an unverifiable backup): one line, exit code 1. */
export class CliFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliFailure';
  }
}

/**
 * `backup <community> [file]`: the log as the organizer's `GET /c/:id/events` answers it, with the
 * community's last signed checkpoint, so `restore` elsewhere can check it against the public key.
 */
export async function backup(data: DataFolder, community: string, file: string | undefined, print: Print) {
  const store = await data.eventStore(community);
  const blobStore = await data.blobStore(community);
  try {
    const events = await store.read();
    if (events.length === 0) throw new CliFailure(`there is no community "${community}" to back up`);
    const checkpoint = readCheckpointFile(data.checkpointFile(community));
    // A community with no attachments backs up exactly as before attachments existed.
    const blobs = await backupBlobs(blobStore);
    const body = `${JSON.stringify({
      events,
      ...(checkpoint === undefined ? {} : { checkpoint }),
      ...(blobs.length === 0 ? {} : { blobs }),
    })}\n`;
    if (file === undefined) process.stdout.write(body);
    else {
      writeFileSync(file, body, { flag: 'wx' }); // never overwrite an older backup by mistake
      print(`backed up ${events.length} events of ${community} to ${file} (head ${events.at(-1)?.hash})`);
      if (blobs.length > 0) print(`backed up ${blobs.length} attachments`);
    }
  } finally {
    await blobStore.close();
    await store.close();
  }
}

/** Lists a restored community on the host, named as its log founded it. */
async function listRestored(data: DataFolder, community: string, events: readonly LoggedEvent[]) {
  const founded = events[0];
  const name = (founded?.payload as { name?: unknown } | undefined)?.name;
  const registry = await data.registry();
  try {
    await registry.register({
      id: community,
      name: typeof name === 'string' ? name : community,
      created: founded?.at ?? new Date().toISOString(),
    });
  } finally {
    await registry.close();
  }
}

/**
 * `verify <community>` and `restore <community> <file>`: what a server start does before serving —
 * restore into an empty log only what verifies against a trusted head (the last checkpoint,
 * `LINLI_TRUSTED_HEAD`, or the backup's checkpoint under `LINLI_PUBLIC_KEY` or this folder's key),
 * then check the whole chain against it and sign the head.
 */
export async function checkLog(
  data: DataFolder,
  community: string,
  restoreFrom: string | undefined,
  print: Print,
) {
  const restoring = restoreFrom === undefined ? undefined : blobsToRestore(restoreFrom);
  const store = await data.eventStore(community);
  const blobStore = await data.blobStore(community);
  try {
    const checked = await checkedStart({
      store,
      community,
      keyFile: data.keyFile,
      signingKey: process.env.LINLI_SIGNING_KEY || undefined,
      checkpointFile: data.checkpointFile(community),
      trustedHead: process.env.LINLI_TRUSTED_HEAD || undefined,
      restoreFrom,
      publicKey: process.env.LINLI_PUBLIC_KEY || undefined,
    });
    if (!checked.ok) {
      const { doing, error } = checked.error;
      throw new CliFailure(`cannot ${doing}: ${typeof error === 'string' ? error : error.message.en}`);
    }
    const events = await store.read();
    if (events.length === 0) throw new CliFailure(`there is no community "${community}"`);
    await checked.value.checkpointer.flush();
    const { restored } = checked.value;
    if (restored) await listRestored(data, community, events);
    if (restored) print(`restored ${restored.events} events into ${community} (head ${restored.head})`);
    if (restored && restoring?.length) {
      await restoreBlobs(blobStore, restoring);
      print(`restored ${restoring.length} attachments into ${community}`);
    }
    print(
      `verified ${events.length} events of ${community}: head ${events.at(-1)?.seq}:${events.at(-1)?.hash}`,
    );
    await checkBlobs(blobStore, community, events, print);
    print(`public key  ${checked.value.publicKey}`);
  } finally {
    await blobStore.close();
    await store.close();
  }
}

/** The backup's checked blobs, or one line per problem on stderr and a refusal: nothing is restored. */
function blobsToRestore(file: string): RestorableBlob[] {
  const read = readBlobsFile(file);
  if (read.ok) return read.blobs;
  for (const problem of read.problems) console.error(`linli: ${file}: ${problem}`);
  throw new CliFailure(
    `cannot restore ${file}: ${read.problems.length} attachment problem(s), nothing restored`,
  );
}

/** Recomputes every blob's SHA-256 and looks up every hash the log names: one line per problem on stderr. */
async function checkBlobs(blobs: BlobStore, community: string, events: readonly LoggedEvent[], print: Print) {
  const problems = await blobProblems(blobs, events);
  for (const problem of problems) console.error(`linli: ${community}: ${problem}`);
  if (problems.length > 0) throw new CliFailure(`${problems.length} attachment problem(s) in ${community}`);
  print(`verified ${(await blobs.list()).length} attachments of ${community}`);
}
