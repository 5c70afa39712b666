import { defineConfig, type UserConfig } from 'vite';

/**
 * One self-contained ES module in `dist/`, served by `@linli/server` at `/app/<fileName>`: no hashed
 * names (the server revalidates by ETag) and no shared chunks. The shell (`app.js`) and each module it
 * loads on demand (`organizer.js`, `result.js`) are separate builds, because a chunk shared by them
 * would carry into the first load whatever parts of the shared modules only the later one needs; each
 * lazy module repeats Lit and the signals, which costs its one-time download, not the first load.
 */
export function moduleBuild(entry: string, fileName: string, first = false): UserConfig {
  return defineConfig({
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: first,
      sourcemap: true,
      lib: { entry, formats: ['es'], fileName: () => fileName },
      // `minify: true` on the output: vite's library mode otherwise keeps the whitespace of an ES
      // module (for a later bundler), which these files, served as they are, never meet.
      rollupOptions: { output: { inlineDynamicImports: true, minify: true } },
    },
  });
}
