import { defineConfig } from 'vite';

// The organizer chunk, `dist/organizer.js` (served at `/app/organizer.js`): the organizer's screens
// beyond the home with the core governance they need, built on its own rather than split from
// `app.js`, because a chunk shared by both would carry into the first load whatever parts of the
// shared modules (zod, the core's messages) only the organizer needs. It repeats Lit and the signals,
// which costs the organizer's one-time download, not the residents' first load.
export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    lib: { entry: 'src/organizer.ts', formats: ['es'], fileName: () => 'organizer.js' },
    rollupOptions: { output: { inlineDynamicImports: true } },
  },
});
