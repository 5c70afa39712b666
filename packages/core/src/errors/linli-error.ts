import type { Locale } from '../i18n/locale.js';
import type { MessageParams, MessageTable } from '../i18n/message-table.js';
import { type ErrorCode, errorMessages } from '../i18n/messages.js';

/** One step into the input that was rejected: an object key or an array index. */
export type PathSegment = string | number;

/**
 * A typed, serializable error. It is a plain object so it can cross a worker or HTTP boundary and
 * still be rendered in either language on the other side.
 */
export interface LinliError {
  /** Stable machine-readable code, e.g. `number.not_integer`. */
  readonly code: ErrorCode;
  /** Where in the input the problem is; empty for the input as a whole. */
  readonly path: readonly PathSegment[];
  /** Values the message interpolates; kept so a client can re-render it in another locale. */
  readonly params: MessageParams;
  /** The message in every supported locale. */
  readonly message: Readonly<Record<Locale, string>>;
  /** When one input had several problems: all of them, the first being this error itself. */
  readonly issues?: readonly LinliError[];
}

/**
 * Builds a {@link LinliError} from one message table (a domain's), so that code which can fail only in
 * that domain does not pull every domain's wording into a browser bundle.
 */
export function errorFrom<Table extends MessageTable>(
  table: Table,
  code: keyof Table & ErrorCode,
  path: readonly PathSegment[] = [],
  params: MessageParams = {},
): LinliError {
  const templates = table[code] as MessageTable[string];
  return { code, path, params, message: { 'zh-CN': templates['zh-CN'](params), en: templates.en(params) } };
}

/** Builds a {@link LinliError} with its messages rendered in every locale. */
export function linliError(
  code: ErrorCode,
  path: readonly PathSegment[] = [],
  params: MessageParams = {},
): LinliError {
  return errorFrom(errorMessages, code, path, params);
}

/**
 * Thrown only where a caller broke a precondition that a type could not express (e.g. an unsafe
 * integer passed to money arithmetic). Commands never throw: they return a `Result`.
 */
export class LinliException extends Error {
  /** The typed error carried by this exception. */
  readonly error: LinliError;

  constructor(error: LinliError) {
    super(`[${error.code}] ${error.message.en}`);
    this.name = 'LinliException';
    this.error = error;
  }
}
