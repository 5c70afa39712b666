import { moduleBuild } from './build.config.ts';

// The residents' screens' module, `dist/resident.js`: a household's notices (and, later, the rest of
// the residents' app) with the live view's reader — not the organizer's console and its core.
export default moduleBuild('src/resident.ts', 'resident.js');
