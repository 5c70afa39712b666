import type { Locale } from '@linli/core';

const formats = new Map<Locale, Intl.DateTimeFormat>();

/** An instant as residents read it, in China's time: "2026年12月20日 18:00" / "Dec 20, 2026, 6:00 PM". */
export function when(iso: string, locale: Locale): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Shanghai',
    });
    formats.set(locale, format);
  }
  return format.format(Date.parse(iso));
}
