import { writeFile } from 'node:fs/promises';
import { defineConfig } from 'tsup';

// The library build is plain tsc (one .js per source file), so only registration files have side
// effects; tsup only makes the single-file CDN bundle.
export default defineConfig([
  {
    // CDN build: a single self-contained file for <script type="module" src=".../linli.js">.
    // Bundled from tsc's output, not src/, so that the sideEffects globs (which name dist/) keep every
    // registration module; from src/ esbuild would tree-shake them all away.
    entry: { linli: 'dist/all.js' },
    outDir: 'dist/cdn',
    format: ['esm'],
    target: 'es2022',
    minify: true,
    splitting: false,
    sourcemap: true,
    noExternal: [/.*/],
    platform: 'browser',
    // Lit's licence notices go to linli.js.LEGAL.txt beside the bundle instead of into every download.
    esbuildOptions: (options) => {
      options.legalComments = 'linked';
    },
    // The bundle is all.js with its dependencies inlined, so all.js's types describe it.
    onSuccess: () => writeFile('dist/cdn/linli.d.ts', "export * from '../all.js';\n"),
  },
]);
