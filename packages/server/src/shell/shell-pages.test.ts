import { describe, expect, it } from 'vitest';
import {
  RESIDENT_SHELL_HTML,
  RESIDENT_SHELL_PATHS,
  SHELL_HTML,
  shellPages,
  shellPaths,
} from './shell-pages.js';

const PRELOAD = '<link rel="modulepreload" href="/app/resident.js" />';

describe('the page shell', () => {
  it("preloads the residents' module on a household's first screens, nowhere else", async () => {
    const pages = shellPages();
    for (const path of [
      '/c/xfkl/sign-in',
      '/c/xfkl/home',
      '/c/xfkl/motions',
      '/c/xfkl/motions/lift',
      '/c/xfkl/announcements',
    ]) {
      const page = await pages.request(path);
      expect(page.status, path).toBe(200);
      expect(await page.text(), path).toContain(PRELOAD);
    }
    for (const path of [
      '/setup',
      '/c/xfkl/organizer',
      '/c/xfkl/organizer/funds',
      '/c/xfkl/motions/lift/result',
      '/c/xfkl/devices',
    ]) {
      const page = await pages.request(path);
      expect(page.status, path).toBe(200);
      expect(await page.text(), path).not.toContain('modulepreload');
    }
  });

  it('names only paths the shell serves, and changes nothing else of the page', () => {
    for (const path of RESIDENT_SHELL_PATHS) expect(shellPaths()).toContain(path);
    expect(RESIDENT_SHELL_HTML.replace(`\n    ${PRELOAD}`, '')).toBe(SHELL_HTML);
  });
});
