import { parseOrigin } from '../hosting/embedding-origin.js';
import { householdLabels } from '../households.js';
import { type Print, withCommunity } from './admin.js';
import { UsageError } from './command-line.js';
import type { DataFolder } from './data-folder.js';

const originList = (origins: readonly string[]) => (origins.length === 0 ? '-' : origins.join(' '));

/**
 * `community list`: every listed community with its households, active organizers and embedding
 * origins, one line each (each log is opened and read to count them).
 */
export async function listCommunities(data: DataFolder, print: Print): Promise<void> {
  const communities = await data.communities();
  if (communities.length === 0)
    print('no communities yet; create one with: linli-server community create <id> --name <name>');
  for (const community of communities) {
    const counts = await withCommunity(data, community.id, async (gov, auth) => ({
      households: householdLabels(gov).length,
      organizers: (await (await auth()).organizers()).filter((o) => !o.revokedAt).length,
    }));
    print(
      `${community.id}  ${community.name}  households ${counts.households}  organizers ${counts.organizers}  origins ${originList(community.origins)}`,
    );
  }
}

/** The origins as given, normalized, or the one line that says which is not an origin. */
function originsOf(given: readonly string[]): string[] {
  return given.map((text) => {
    const parsed = parseOrigin(text);
    if (!parsed.ok) throw new UsageError(`community origins: ${parsed.reason}`);
    return parsed.origin;
  });
}

/**
 * `community origins <id> [--add <origin>] [--remove <origin>]`: prints the origins allowed to embed
 * the community (reads with CORS; writes still need a token), after adding and removing the given
 * ones. A running server picks the change up within its re-read interval, without a restart.
 */
export async function editCommunityOrigins(
  data: DataFolder,
  community: string,
  change: { readonly add: readonly string[]; readonly remove: readonly string[] },
  print: Print,
): Promise<void> {
  const add = originsOf(change.add);
  const remove = new Set(originsOf(change.remove));
  const registry = await data.registry();
  try {
    const origins = await registry.editOrigins(community, (current) => [
      ...new Set([...current.filter((o) => !remove.has(o)), ...add]),
    ]);
    if (origins === undefined)
      throw new UsageError(`there is no community "${community}"; see linli-server community list`);
    print(`${community}  origins ${originList(origins)}`);
  } finally {
    await registry.close();
  }
}
