// The organizer chunk's entry (`dist/organizer.js`, its own build: see `vite.organizer.config.ts`):
// the organizer's screens beyond the home and the core governance they need, loaded on demand by the
// routes that name `organizerModule`.
import './screens/motion/define.js';
import './screens/motion-wizard/motion-wizard.js';
import './screens/motions/motions-screen.js';
import './screens/projects/projects-screen.js';
import './screens/print/define.js';
import './screens/roles/roles-screen.js';
import './screens/announcements/announcements-screen.js';
import './screens/announcements/notice-sheet-screen.js';

// The shared replica, for a script on the page (and the end-to-end test of its sharing and retries).
export { disposeOrganizerReplicas, organizerReplica } from './api/organizer-replica.js';
