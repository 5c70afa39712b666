import { defineConfig } from 'vite';

// One self-contained module, `dist/app.js`, that the server serves at `/app/app.js` behind every page
// of the shell (see `src/main.ts`); no hashed names, since the server sets its own cache headers.
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
