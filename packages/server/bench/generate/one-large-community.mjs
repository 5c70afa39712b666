// The large-community bench's data folder: one community (`kly`) with a year of activity (see
// large-community.mjs), written as `linli-server` keeps it, with its signed checkpoint.
import { dataFolder, writeCommunity, writeManifest } from './data-folder.mjs';
import { largeCommunityYear, YEAR_STARTS } from './large-community.mjs';

/** The large community's id. */
export const LARGE_COMMUNITY = 'kly';

/** Generates the community into `dir`; answers how many events its log holds. */
export async function buildLargeCommunity(dir) {
  const events = await writeCommunity(
    dataFolder(dir),
    LARGE_COMMUNITY,
    largeCommunityYear,
    YEAR_STARTS,
    'residents-committee/o1',
  );
  writeManifest(dir, { events });
  return events;
}
