/** The languages Linli ships every string in. */
export type Locale = 'zh-CN' | 'en';

/** Every supported locale, Chinese first because it is the primary audience. */
export const locales: readonly Locale[] = ['zh-CN', 'en'];

/**
 * Maps a BCP 47 tag such as an element's `lang` (`zh`, `zh-Hans-CN`, `en-GB`) to a supported locale.
 * Any Chinese tag reads zh-CN; anything else, including an empty tag, reads en.
 */
export function resolveLocale(tag: string | null | undefined): Locale {
  return tag && /^zh(?:-|_|$)/i.test(tag.trim()) ? 'zh-CN' : 'en';
}
