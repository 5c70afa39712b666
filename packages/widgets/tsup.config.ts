import { writeFile } from 'node:fs/promises';
import { defineConfig, type Options } from 'tsup';

// The library build is plain tsc (one .js per source file), so only registration files have side
// effects; tsup only makes the single-file CDN bundles.

/** A single self-contained file for <script type="module" src=".../<name>.js">, bundled from `entry`. */
function cdnBundle(name: string, entry: string, types: string): Options {
  return {
    // Bundled from tsc's output, not src/, so that the sideEffects globs (which name dist/) keep every
    // registration module; from src/ esbuild would tree-shake them all away.
    entry: { [name]: entry },
    outDir: 'dist/cdn',
    format: ['esm'],
    target: 'es2022',
    minify: true,
    splitting: false,
    sourcemap: true,
    noExternal: [/.*/],
    platform: 'browser',
    // Lit's licence notices go to <name>.js.LEGAL.txt beside the bundle instead of into every download.
    esbuildOptions: (options) => {
      options.legalComments = 'linked';
    },
    // The bundle is its entry with its dependencies inlined, so the entry's types describe it.
    onSuccess: () => writeFile(`dist/cdn/${name}.d.ts`, `export * from '${types}';\n`),
  };
}

// The residents' elements (linli.js) and the organizer's printed ones (linli-organizer.js) are two
// files, so that a residents' page never downloads the organizer's notice, ballot form and QR encoder.
export default defineConfig([
  cdnBundle('linli', 'dist/all.js', '../all.js'),
  cdnBundle('linli-organizer', 'dist/organizer.js', '../organizer.js'),
  // Notices have their own file, so the residents' first load (linli.js) does not grow by them.
  cdnBundle('linli-announcements', 'dist/define/linli-announcements.js', '../define/linli-announcements.js'),
]);
