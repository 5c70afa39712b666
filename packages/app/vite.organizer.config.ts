import { moduleBuild } from './build.config.ts';

// The organizer chunk, `dist/organizer.js`: the organizer's screens beyond the home with the core
// governance they need.
export default moduleBuild('src/organizer.ts', 'organizer.js');
