import type { Locale } from '@linli/core';

/** A text in every language the shell speaks. */
export type Localized = Readonly<Record<Locale, string>>;

/** The text in `locale`. */
export const inLocale = (text: Localized, locale: Locale): string => text[locale];
