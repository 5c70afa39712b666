// The shell's entry: `dist/app.js`, loaded by every page the shell serves (see `shell/linli-app.ts`).
import './shell/linli-app.js';
