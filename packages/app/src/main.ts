// The shell's entry: `dist/app.js`, loaded by every page the shell serves.
export { mountRegisterImport } from './screens/register/mount.ts';
