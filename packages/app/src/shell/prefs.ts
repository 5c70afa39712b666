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

/**
 * The language to start in: the first of the browser's languages that the shell speaks, where any
 * Chinese tag reads zh-CN and any English tag en; zh-CN when none is either (the primary audience).
 */
export function defaultLanguage(languages: readonly string[]): Locale {
  for (const tag of languages) {
    if (/^zh(?:[-_]|$)/i.test(tag)) return 'zh-CN';
    if (/^en(?:[-_]|$)/i.test(tag)) return 'en';
  }
  return 'zh-CN';
}

/**
 * The saved choices, each falling back to its default on its own: a damaged or hand-edited entry
 * never stops the page from opening.
 */
export function loadPrefs(storage: Pick<Storage, 'getItem'>, languages: readonly string[]): Prefs {
  let saved: z.infer<typeof storedPrefs> = {};
  try {
    const parsed = storedPrefs.safeParse(JSON.parse(storage.getItem(PREFS_KEY) ?? '{}'));
    if (parsed.success) saved = parsed.data;
  } catch {
    // Not JSON: the defaults.
  }
  return {
    language: saved.language ?? defaultLanguage(languages),
    theme: saved.theme ?? 'system',
    largeText: saved.largeText ?? false,
  };
}

/** Keeps the choices (a full or refused storage only means they last this visit). */
export function savePrefs(storage: Pick<Storage, 'setItem'>, prefs: Prefs): void {
  try {
    storage.setItem(PREFS_KEY, JSON.stringify(prefs));
  } catch {
    // Private mode or a full quota: the page still works.
  }
}
