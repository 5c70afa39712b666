import { moduleBuild } from './build.config.ts';

// A household's devices screen, `dist/devices.js`: adding a family member's phone by code and QR code,
// ending a lost one, signing out — visited rarely, so kept out of `resident.js`.
export default moduleBuild('src/devices.ts', 'devices.js');
