import { defineConfig } from 'vite';

// The shell's module, `dist/app.js`, that the server serves at `/app/app.js` behind every page of the
// shell (see `src/main.ts`): one self-contained file. The organizer's screens are a second build
// (`vite.organizer.config.ts`), loaded on demand from `/app/organizer.js`. No hashed names, since the
// server sets its own cache headers (ETag).
export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    lib: { entry: 'src/main.ts', formats: ['es'], fileName: () => 'app.js' },
    rollupOptions: { output: { inlineDynamicImports: true } },
  },
});
