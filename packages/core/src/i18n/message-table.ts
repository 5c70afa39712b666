import type { Locale } from './locale.js';

/** Values interpolated into a message template. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** One message: a template per locale. */
export type MessageTemplates = Readonly<Record<Locale, (p: MessageParams) => string>>;

/**
 * Error messages by code. The catalog is several tables (one per domain), so a module that can only
 * fail in one domain — and a browser bundle built from it — carries only that domain's wording.
 */
export type MessageTable = Readonly<Record<string, MessageTemplates>>;
