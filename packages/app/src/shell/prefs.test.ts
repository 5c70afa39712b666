import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../test/screen-context.ts';
import { applyPrefs, PALETTES } from './palette.js';
import {
  browserLanguage,
  chooseLanguage,
  defaultLanguage,
  loadChoices,
  loadPrefs,
  PREFS_KEY,
  type Prefs,
  saveChoice,
  savePrefs,
} from './prefs.js';

describe('the reader’s display choices', () => {
  it('start in the first language the browser prefers that the shell speaks, zh-CN when unsure', () => {
    expect(defaultLanguage(['en-GB', 'zh-CN'])).toBe('en');
    expect(defaultLanguage(['zh-TW', 'en'])).toBe('zh-CN');
    expect(defaultLanguage(['fr', 'en-US'])).toBe('en');
    expect(defaultLanguage(['fr', 'de'])).toBe('zh-CN');
    expect(defaultLanguage([])).toBe('zh-CN');
    expect(loadPrefs(memoryStorage(), ['en'])).toEqual({ language: 'en', theme: 'system', largeText: false });
  });

  it("take the resident's own language first, else the browser's, else the community's default", () => {
    const locale = fc.constantFrom<Prefs['language']>('zh-CN', 'en');
    const tags = fc.array(fc.constantFrom('zh-CN', 'zh-TW', 'zh', 'en-US', 'en', 'fr', 'de-DE', 'ja'), {
      maxLength: 4,
    });
    fc.assert(
      fc.property(fc.option(locale, { nil: undefined }), tags, locale, (chosen, languages, community) => {
        const shown = chooseLanguage(chosen, languages, community);
        if (chosen !== undefined) expect(shown).toBe(chosen);
        else expect(shown).toBe(browserLanguage(languages) ?? community);
      }),
    );
    expect(chooseLanguage(undefined, ['fr', 'de'], 'en')).toBe('en');
    expect(chooseLanguage(undefined, ['en-GB'], 'zh-CN')).toBe('en');
    expect(chooseLanguage('zh-CN', ['en-GB'], 'en')).toBe('zh-CN');
    expect(loadPrefs(memoryStorage(), ['ja'], 'en').language).toBe('en');
  });

  it('keep only what the reader chose: a theme change never freezes the browser language', () => {
    const storage = memoryStorage();
    saveChoice(storage, { theme: 'dark' });
    expect(loadChoices(storage)).toEqual({ theme: 'dark' });
    expect(loadPrefs(storage, ['en-US']).language).toBe('en');
    expect(loadPrefs(storage, ['zh-CN']).language).toBe('zh-CN');
    saveChoice(storage, { language: 'en' });
    saveChoice(storage, { largeText: true });
    expect(loadChoices(storage)).toEqual({ theme: 'dark', language: 'en', largeText: true });
    expect(loadPrefs(storage, ['zh-CN'])).toEqual({ language: 'en', theme: 'dark', largeText: true });
  });

  it('persist across visits, and a damaged entry falls back field by field', () => {
    const storage = memoryStorage();
    const chosen: Prefs = { language: 'en', theme: 'dark', largeText: true };
    savePrefs(storage, chosen);
    expect(loadPrefs(storage, ['zh-CN'])).toEqual(chosen);
    storage.setItem(PREFS_KEY, JSON.stringify({ language: 'fr', theme: 'dark', largeText: 'yes' }));
    expect(loadPrefs(storage, ['zh-CN'])).toEqual({ language: 'zh-CN', theme: 'system', largeText: false });
    storage.setItem(PREFS_KEY, '{not json');
    expect(loadPrefs(storage, ['en'])).toEqual({ language: 'en', theme: 'system', largeText: false });
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => savePrefs(full, chosen)).not.toThrow();
  });

  it('reach <html> as lang, theme attributes and the --linli-* properties the widgets read', () => {
    const root = document.createElement('html');
    applyPrefs(root, { language: 'en', theme: 'system', largeText: true }, true);
    expect(root.lang).toBe('en');
    expect(root.dataset.theme).toBe('dark');
    expect(root.hasAttribute('data-large-text')).toBe(true);
    expect(root.style.getPropertyValue('--linli-color-text')).toBe(PALETTES.dark.text);
    expect(root.style.getPropertyValue('--linli-font-scale')).toBe('1.25');
    applyPrefs(root, { language: 'zh-CN', theme: 'light', largeText: false }, true);
    expect(root.lang).toBe('zh-CN');
    expect(root.dataset.theme).toBe('light');
    expect(root.hasAttribute('data-large-text')).toBe(false);
    expect(root.style.getPropertyValue('--linli-color-background')).toBe(PALETTES.light.background);
  });
});

/** WCAG 2.2 relative luminance and contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe.each(['light', 'dark'] as const)('the %s palette', (theme) => {
  const p = PALETTES[theme];
  it('keeps text, links and errors at 4.5:1 on the page and on surfaces (WCAG 2.2 AA)', () => {
    for (const ground of [p.background, p.surface])
      for (const ink of [p.text, p.muted, p.link, p.danger, p.primary])
        expect(contrast(ink, ground)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p['on-primary'], p.primary)).toBeGreaterThanOrEqual(4.5);
  });
  it('keeps borders and the focus ring at 3:1 (non-text contrast)', () => {
    for (const ground of [p.background, p.surface]) {
      expect(contrast(p.border, ground)).toBeGreaterThanOrEqual(3);
      expect(contrast(p.focus, ground)).toBeGreaterThanOrEqual(3);
    }
  });
});
