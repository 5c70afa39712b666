import { defineConfig } from 'vite';

// The organizer's motion screens as one lazy module, `dist/chunks/motion.js`, built on its own: it
// carries its own copy of the core governance, zod and Lit, so nothing it needs is hoisted into a
// chunk the first load (`dist/app.js`, see vite.config.ts) would have to fetch. The shell imports it
// when a motion route is first drawn; the server serves it at `/app/chunks/motion.js`.
export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist/chunks',
    emptyOutDir: false,
    sourcemap: true,
    lib: { entry: 'src/screens/motion/define.ts', formats: ['es'], fileName: () => 'motion.js' },
    rollupOptions: { output: { inlineDynamicImports: true } },
  },
});
