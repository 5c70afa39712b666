import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { ALIAS, cdnFiles, IMMUTABLE, widgetsVersion } from './cdn-files.js';

/** The app as `linli-server` composes it: the API, then the bundles. */
function served() {
  const app = createApp(new Map(), { origins: ['http://127.0.0.1:8787'] });
  for (const [path, file] of Object.entries(cdnFiles())) app.get(path, (c) => file.respond(c));
  return app;
}

describe('the widget bundles on the CDN path', () => {
  const version = widgetsVersion();

  it("are at the widgets' version, cached for a year, immutable, loadable by any site", async () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    for (const name of ['linli.js', 'linli-organizer.js', 'linli-announcements.js']) {
      const r = await served().request(`/cdn/${version}/${name}`, {
        headers: { Origin: 'https://site.example', 'Accept-Encoding': 'gzip' },
      });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toContain('javascript');
      expect(r.headers.get('cache-control')).toBe(IMMUTABLE);
      expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(r.headers.get('access-control-allow-origin')).toBe('*');
      expect(r.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(r.headers.get('content-encoding')).toBe('gzip');
    }
  });

  it('keeps /cdn/linli.js as a short-cached alias of the same bytes, with the same ETag', async () => {
    const app = served();
    const alias = await app.request('/cdn/linli.js');
    const versioned = await app.request(`/cdn/${version}/linli.js`);
    expect(alias.headers.get('cache-control')).toBe(ALIAS);
    expect(alias.headers.get('access-control-allow-origin')).toBe('*');
    expect(alias.headers.get('etag')).toBe(versioned.headers.get('etag'));
    expect(await alias.text()).toBe(await versioned.text());
    const again = await app.request('/cdn/linli.js', {
      headers: { 'If-None-Match': alias.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
  });

  it('answers another version with the typed not-found, never this version under a wrong name', async () => {
    const r = await served().request('/cdn/0.0.0-other/linli.js');
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('http.no_route');
  });
});
