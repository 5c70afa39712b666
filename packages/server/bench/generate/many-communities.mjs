// The multi-community bench's data folder: `count` small communities (see small-community.mjs), each
// with one household signed in, its session token kept in the folder's manifest.
import { seededRandom } from '../../../core/bench/support.mjs';
import { dataFolder, signIn, writeCommunity, writeManifest } from './data-folder.mjs';
import { BUILT_AT, smallCommunityCommands, units } from './small-community.mjs';

/** Community `i`'s id. */
export const communityId = (i) => `c${String(i).padStart(4, '0')}`;

const sold = units().filter((u) => !(u.floor === 10 && u.door === 2));
/** The household of community `i` that is signed in (and votes in the bench). */
export const voterOf = (i) => sold[i % sold.length].id;

/** Generates the communities into `dir`; answers how many events they hold. */
export async function buildCommunities(dir, count) {
  const data = dataFolder(dir);
  let events = 0;
  for (let i = 0; i < count; i++) {
    const commands = smallCommunityCommands(`小区${i + 1}`, seededRandom(i + 1));
    events += await writeCommunity(data, communityId(i), commands, BUILT_AT, 'residents-committee/o1');
  }
  // scrypt runs on the thread pool: a few households are signed in at a time.
  const tokens = [];
  for (let i = 0; i < count; i += 8) {
    const batch = Array.from({ length: Math.min(8, count - i) }, (_, k) => i + k);
    tokens.push(...(await Promise.all(batch.map((c) => signIn(data, communityId(c), voterOf(c))))));
  }
  writeManifest(dir, { communities: count, events, tokens });
  return events;
}
