// The organizer chunk's entry (`dist/organizer.js`): the organizer's screens beyond the home and the
// core governance they need, loaded on demand by the routes that name `organizerModule`.
import './screens/motions/motions-screen.js';
import './screens/motion-wizard/motion-wizard.js';
