// The residents' screens' entry (`dist/resident.js`, its own build: see `vite.resident.config.ts`),
// loaded on demand by the routes that name `residentModule`, so the first load of every page does not
// carry them. The residents' app grows here.
import './screens/announcements/resident-announcements-screen.js';
import './screens/devices/devices-screen.js';
