// How the benches open a community: exactly what the server's community host does when a community is
// first touched (`openFromFolder` in src/hosting/data-folder-host.ts) — open its SQLite log, check
// every event of it against the signed checkpoint (`checkedStart`), build its governance state from
// the events checked, open its sign-ins — with the signing key loaded once, as `linli-server` does.
import { loadSigningKey } from '../dist/checkpoint/signing-key.js';
import { openFromFolder } from '../dist/hosting/data-folder-host.js';

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
  const opened = await openFromFolder(data, id, { office: OFFICE, key: keyOf(data) });
  if (!opened.ok) throw new Error(`${id}: cannot open: ${opened.error.message.en}`);
  const { hosted, close } = opened.value;
  return { hosted: { ...hosted, origins: [] }, close };
}
