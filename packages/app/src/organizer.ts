// The organizer chunk's entry (`dist/organizer.js`, its own build: see `vite.organizer.config.ts`):
// the organizer's screens (the home, /setup and the register import included) and the core governance
// they need, loaded on demand by the routes that name `organizerModule`.
import './screens/organizer-home/organizer-home-screen.js';
import './screens/register/define.js';
import './screens/setup/setup-screen.js';
import './screens/fund-books/arrears-screen.js';
import './screens/fund-books/books-screen.js';
import './screens/fund-books/fund-notice-screen.js';
import './screens/fund-books/reminder-screen.js';
import './screens/motion/define.js';
import './screens/motion-wizard/motion-wizard.js';
import './screens/motions/motions-screen.js';
import './screens/projects/projects-screen.js';
import './screens/print/define.js';
import './screens/roles/roles-screen.js';
import './screens/funds/define.js';
import './screens/duties/define.js';
import './screens/households/households-screen.js';
import './screens/households/household-record-screen.js';
import './screens/charges/charges-screen.js';
import './screens/announcements/announcements-screen.js';
import './screens/announcements/notice-sheet-screen.js';

// The shared replica, for a script on the page (and the end-to-end test of its sharing and retries).
export { disposeOrganizerReplicas, organizerReplica } from './api/organizer-replica.js';
