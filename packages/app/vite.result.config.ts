import { moduleBuild } from './build.config.ts';

// The public result page's module, `dist/result.js`: what a resident's phone loads after scanning the
// printed notice's QR code — the notice element and the published view's reader, not the organizer's
// console and its core.
export default moduleBuild('src/result.ts', 'result.js');
