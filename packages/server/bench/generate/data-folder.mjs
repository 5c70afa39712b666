// Writes generated communities into a real data folder, as `linli-server` keeps it: each log in the
// folder's SQLite file, sealed by the same code; a signed checkpoint beside it, made by the server's
// own start-up check; and household sessions in its sign-in database, for the benches to vote with.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGovernance, draftOf, fixedClock, MemoryStore } from '@linli/core';
import { checkedStart } from '../../dist/checkpoint/checked-start.js';
import { DataFolder } from '../../dist/cli/data-folder.js';
import { runCommands } from './run-commands.mjs';

/** The data folder at `dir`, as `linli-server` would open it with `LINLI_DATA=dir`. */
export const dataFolder = (dir) => new DataFolder({ LINLI_DATA: dir });

/**
 * Builds community `id` on a governance whose clock starts at `at` (in memory, so that generation
 * does not wait on a disk flush per command): `commands` is a list, or `async (run, clock)` that calls
 * `run(commands)` as its clock moves. Then writes the log into the data folder in one transaction,
 * re-sealed to the very same hashes, and signs its first checkpoint. Answers the number of events.
 */
export async function writeCommunity(data, id, commands, at, actor) {
  const memory = new MemoryStore();
  const clock = fixedClock(at);
  const governance = await createGovernance({ store: memory, clock, actor, groupCommit: true });
  const run = (list) => runCommands(governance, list, id);
  await (typeof commands === 'function' ? commands(run, clock) : run(commands));
  governance.dispose();
  const events = await memory.read();
  const store = await data.eventStore(id);
  try {
    const written = await store.append(events.map(draftOf), { expectedSeq: 0 });
    if (!written.ok) throw new Error(`${id}: ${written.error.message.en}`);
    if (written.value.at(-1)?.hash !== events.at(-1)?.hash)
      throw new Error(`${id}: re-sealed to other hashes`);
    const checked = await checkedStart({
      store,
      community: id,
      keyFile: data.keyFile,
      checkpointFile: data.checkpointFile(id),
    });
    if (!checked.ok) throw new Error(`${id}: ${JSON.stringify(checked.error)}`);
    await checked.value.checkpointer.flush();
  } finally {
    await store.close();
  }
  return events.length;
}

/** Signs in one household of community `id` with a fresh invite code; answers its session token. */
export async function signIn(data, id, unitId) {
  const auth = await data.authStore(id);
  try {
    const session = await auth.redeem(await auth.issueInviteCode(unitId));
    if (!session) throw new Error(`${id}: a fresh invite code was not redeemed`);
    return session.token;
  } finally {
    await auth.close();
  }
}

/** Keeps what the benches need beside the data (session tokens, counts) as `bench.json`. */
export function writeManifest(dir, manifest) {
  writeFileSync(join(dir, 'bench.json'), `${JSON.stringify(manifest)}\n`);
}
