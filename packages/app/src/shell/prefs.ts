import type { Locale } from '@linli/core';
import * as z from 'zod/mini';

/** Light, dark, or whatever the device is set to. */
export type Theme = 'light' | 'dark' | 'system';

/** The reader's display choices, kept on this device. */
export interface Prefs {
  readonly language: Locale;
  readonly theme: Theme;
  /** Everything 25 % larger (a 20 px base), for older readers. */
  readonly largeText: boolean;
}

/** Where the choices are kept in `localStorage`. */
export const PREFS_KEY = 'linli-prefs';

const storedPrefs = z.object({
  language: z.optional(z.enum(['zh-CN', 'en'])),
  theme: z.optional(z.enum(['light', 'dark', 'system'])),
  largeText: z.optional(z.boolean()),
});

/** The first of the browser's languages that the shell speaks (any Chinese tag zh-CN, any English en). */
export function browserLanguage(languages: readonly string[]): Locale | undefined {
  for (const tag of languages) {
    if (/^zh(?:[-_]|$)/i.test(tag)) return 'zh-CN';
    if (/^en(?:[-_]|$)/i.test(tag)) return 'en';
  }
  return undefined;
}

/**
 * The language to start in when the reader chose none: the browser's ({@link browserLanguage}), else
 * zh-CN (the primary audience).
 */
export function defaultLanguage(languages: readonly string[]): Locale {
  return browserLanguage(languages) ?? 'zh-CN';
}

/**
 * The language a page is shown in: the reader's own choice where they made one (the switch in the
 * header, kept on this device), else the browser's, else the community's default.
 */
export function chooseLanguage(
  chosen: Locale | undefined,
  languages: readonly string[],
  communityDefault: Locale,
): Locale {
  return chosen ?? browserLanguage(languages) ?? communityDefault;
}

/** What the reader chose on this device; a choice they never made is absent, not a default. */
export type Choices = Partial<Prefs>;

/**
 * The saved choices, each kept only if valid on its own: a damaged or hand-edited entry never stops
 * the page from opening.
 */
export function loadChoices(storage: Pick<Storage, 'getItem'>): Choices {
  try {
    const parsed = storedPrefs.safeParse(JSON.parse(storage.getItem(PREFS_KEY) ?? '{}'));
    if (parsed.success) {
      const { language, theme, largeText } = parsed.data;
      return {
        ...(language === undefined ? {} : { language }),
        ...(theme === undefined ? {} : { theme }),
        ...(largeText === undefined ? {} : { largeText }),
      };
    }
  } catch {
    // Not JSON: nothing chosen.
  }
  return {};
}

/**
 * The display to start with: each saved choice, else its default — for the language
 * {@link chooseLanguage}'s order, with `communityDefault` (zh-CN unless the page says otherwise) last.
 */
export function loadPrefs(
  storage: Pick<Storage, 'getItem'>,
  languages: readonly string[],
  communityDefault: Locale = 'zh-CN',
): Prefs {
  const saved = loadChoices(storage);
  return {
    language: chooseLanguage(saved.language, languages, communityDefault),
    theme: saved.theme ?? 'system',
    largeText: saved.largeText ?? false,
  };
}

/**
 * Keeps one more choice beside the earlier ones: only what the reader changed is saved, so changing
 * the theme never freezes today's browser language as if it had been chosen.
 */
export function saveChoice(storage: Pick<Storage, 'getItem' | 'setItem'>, change: Choices): void {
  savePrefs(storage, { ...loadChoices(storage), ...change });
}

/** Keeps the choices (a full or refused storage only means they last this visit). */
export function savePrefs(storage: Pick<Storage, 'setItem'>, prefs: Choices): void {
  try {
    storage.setItem(PREFS_KEY, JSON.stringify(prefs));
  } catch {
    // Private mode or a full quota: the page still works.
  }
}
