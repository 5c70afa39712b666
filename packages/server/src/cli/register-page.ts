import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PrecompressedBody } from '../http/precompressed.js';

/**
 * The organizer's register screen until the page shell serves it: the shell's bundle at `/app/app.js`
 * and, at `/c/<id>/organizer/register`, a minimal page that mounts `<linli-register-import>` for the
 * community in its path. The organizer's token comes in the fragment (`#token=…`, which never reaches
 * a server or its log) and is kept for the tab in `sessionStorage`. `?lang=en` switches the language
 * and `?large-text` the text size; the theme follows the system's light or dark setting.
 */
export function registerScreenFiles(version: string): Record<string, PrecompressedBody> {
  const bundle = readFileSync(fileURLToPath(import.meta.resolve('@linli/app/dist/app.js')));
  return {
    '/app/app.js': new PrecompressedBody(bundle, 'text/javascript; charset=utf-8', version),
    '/c/:community/organizer/register': new PrecompressedBody(PAGE, 'text/html; charset=utf-8', version),
  };
}

const PAGE = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>房屋清册 Housing register — Linli</title>
    <style>
      :root { color-scheme: light dark; background: #ffffff; color: #1f2328; }
      @media (prefers-color-scheme: dark) { :root { background: #0d1117; color: #e6edf3; } }
      body { font-family: system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif; max-width: 64rem; margin: 0 auto; padding: 1rem; }
    </style>
  </head>
  <body>
    <main id="screen"></main>
    <script type="module">
      import { mountRegisterImport } from '/app/app.js';
      const query = new URLSearchParams(location.search);
      if (query.get('lang') === 'en') document.documentElement.lang = 'en';
      const given = new URLSearchParams(location.hash.slice(1)).get('token');
      if (given) {
        sessionStorage.setItem('linli-organizer-token', given);
        history.replaceState(null, '', location.pathname + location.search);
      }
      const community = decodeURIComponent(location.pathname.split('/')[2] ?? '');
      const token = sessionStorage.getItem('linli-organizer-token') ?? '';
      const screen = mountRegisterImport(document.getElementById('screen'), community, token);
      screen.largeText = query.has('large-text');
    </script>
  </body>
</html>
`;
