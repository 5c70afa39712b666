import { moduleBuild } from './build.config.ts';

// The shell's module, `dist/app.js`, behind every page of the shell (see `src/main.ts`). The
// organizer's screens (`vite.organizer.config.ts`) and the public result page (`vite.result.config.ts`)
// are builds of their own, loaded on demand.
export default moduleBuild('src/main.ts', 'app.js', true);
