// A household's devices screen (`dist/devices.js`, its own build: see `vite.devices.config.ts`): the
// QR code library and the answers' schemas are needed only when a resident adds a phone or ends one,
// so neither the first load nor the residents' everyday screens carry them.
import './screens/devices/devices-screen.js';
