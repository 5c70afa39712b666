import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { PrecompressedBody } from '../http/precompressed.js';

/**
 * Every path the page shell (`@linli/app`) answers with its one HTML page; the shell's router then
 * draws the screen, so a deep link or a reload lands on it. A screen added to the shell's route table
 * under a path not covered here gets a line here too.
 */
export function shellPaths(options: ShellOptions = {}): readonly string[] {
  const paths = [
    '/setup',
    '/c/:community/sign-in',
    '/c/:community/organizer',
    '/c/:community/organizer/*',
    '/c/:community/motions',
    '/c/:community/motions/:motion',
    '/c/:community/motions/:motion/result',
    '/c/:community/announcements',
    '/c/:community/home',
    '/c/:community/devices',
  ];
  return options.home ? ['/', '/c/:community', '/c/:community/', ...paths] : paths;
}

/** Where the shell answers besides its own screens. */
export interface ShellOptions {
  /**
   * Also the server's start page `/` (the list of its communities) and each community's own address
   * `/c/:id/` (its way in) — for a server without the demo's hand-written pages there.
   */
  readonly home?: boolean;
}

/**
 * The shell's pages allow nothing inline and nothing from elsewhere: script and style only from this
 * origin (Lit's styles are constructed stylesheets, which `style-src` does not block), requests only
 * to this origin, never framed.
 */
export const SHELL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The one HTML page: the `<linli-app>` element and its module, with a line for browsers without script. */
export const SHELL_HTML = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <link rel="icon" href="data:," />
    <title>邻里 Linli</title>
    <script type="module" src="/app/app.js"></script>
  </head>
  <body>
    <linli-app>
      <noscript>邻里需要启用 JavaScript。 Linli needs JavaScript.</noscript>
    </linli-app>
  </body>
</html>
`;

/**
 * The paths whose first screen is a household's (its sign-in, home, motions, notices): their page asks
 * for `resident.js` beside `app.js`, so a resident on a slow line does not wait for one, then the
 * other, before the sign-in form or the home shows.
 */
export const RESIDENT_SHELL_PATHS: ReadonlySet<string> = new Set([
  '/c/:community/sign-in',
  '/c/:community/home',
  '/c/:community/motions',
  '/c/:community/motions/:motion',
  '/c/:community/announcements',
]);

/** {@link SHELL_HTML} for {@link RESIDENT_SHELL_PATHS}: the residents' module preloaded. */
export const RESIDENT_SHELL_HTML = SHELL_HTML.replace(
  '<script type="module" src="/app/app.js"></script>',
  '<script type="module" src="/app/app.js"></script>\n    <link rel="modulepreload" href="/app/resident.js" />',
);

const appPath = (name: string): string => fileURLToPath(import.meta.resolve(`@linli/app/dist/${name}`));

/** The built shell (`@linli/app/dist/…`), read once at the first request that needs it. */
function appFile(name: string, type: string): () => PrecompressedBody {
  let body: PrecompressedBody | undefined;
  return () => {
    body ??= new PrecompressedBody(readFileSync(appPath(name)), type);
    return body;
  };
}

/**
 * The built files the shell loads: `app.js` on every page, `organizer.js` the first time an organizer
 * screen (its home, `/setup` and the register import included) is drawn, `result.js` on the public result page, `resident.js` on a
 * household's screens, `devices.js` on its devices screen (the shell's lazy modules),
 * each with its source map.
 */
export const SHELL_MODULES = ['app.js', 'organizer.js', 'result.js', 'resident.js', 'devices.js'] as const;

/**
 * The page shell's routes: its HTML at each of {@link shellPaths} (with {@link SHELL_CSP}) and its
 * modules at `/app/<name>` ({@link SHELL_MODULES}), each compressed once and revalidated by `ETag`.
 */
export function shellPages(options: ShellOptions = {}): Hono {
  const html = new PrecompressedBody(SHELL_HTML, 'text/html; charset=utf-8');
  const residentHtml = new PrecompressedBody(RESIDENT_SHELL_HTML, 'text/html; charset=utf-8');
  const pages = new Hono();
  for (const path of shellPaths(options)) {
    const page = RESIDENT_SHELL_PATHS.has(path) ? residentHtml : html;
    pages.get(path, (c) => {
      c.header('content-security-policy', SHELL_CSP);
      return page.respond(c);
    });
  }
  for (const name of SHELL_MODULES) {
    const script = appFile(name, 'text/javascript; charset=utf-8');
    const map = appFile(`${name}.map`, 'application/json; charset=utf-8');
    pages.get(`/app/${name}`, (c) => script().respond(c)).get(`/app/${name}.map`, (c) => map().respond(c));
  }
  return pages;
}
