// How the benches open a community: exactly what `linli-server` does when it first touches one (see
// `openCommunity` in src/cli/serve.ts) — open its SQLite log, check every event of it against the
// signed checkpoint (`checkedStart`), build its governance state from the events checked, open its
// sign-ins. The one place to switch to the lazy community host when it lands.
import { createGovernance } from '@linli/core';
import { checkedStart } from '../dist/checkpoint/checked-start.js';
import { loadSigningKey } from '../dist/checkpoint/signing-key.js';

/** The office organizers act in, as `linli-server` creates its governance. */
const OFFICE = 'residents-committee';
/** Each data folder's signing key, loaded once: a host opening many communities does not re-parse it. */
const keys = new WeakMap();

function keyOf(data) {
  if (!keys.has(data)) keys.set(data, loadSigningKey(data.keyFile));
  return keys.get(data);
}

/** Opens and checks community `id` of `data` (a `DataFolder`); answers what the app hosts and `close`. */
export async function openCommunity(data, id) {
  const store = await data.eventStore(id);
  const checked = await checkedStart({
    store,
    community: id,
    keyFile: data.keyFile,
    key: keyOf(data),
    checkpointFile: data.checkpointFile(id),
  });
  if (!checked.ok)
    throw new Error(`${id}: cannot ${checked.error.doing}: ${JSON.stringify(checked.error.error)}`);
  const { checkpointer, log } = checked.value;
  // Every event was just hashed against the checkpoint: the state is built from them, not re-read.
  const governance = await createGovernance({
    store,
    log,
    verifyOnLoad: false,
    actor: OFFICE,
    groupCommit: true,
  });
  const auth = await data.authStore(id);
  const hosted = { id, store, governance, auth, origins: [], checkpoint: () => checkpointer.latest };
  const close = async () => {
    await checkpointer.flush();
    governance.dispose();
    await auth.close();
    await store.close();
  };
  return { hosted, close };
}
