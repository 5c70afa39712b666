import { errorFrom, type LinliError, type PathSegment } from '../errors/linli-error.js';
import type { MessageParams } from '../i18n/message-table.js';
import { registerMessages } from '../i18n/messages/register.js';
import type { ErrorCode } from '../i18n/messages.js';

/** A register error code. */
export type RegisterErrorCode = Extract<ErrorCode, `register.${string}`>;

/** A register error, carrying only the register's messages (the parser runs in a browser too). */
export function registerError(
  code: RegisterErrorCode,
  params: MessageParams = {},
  path: readonly PathSegment[] = [],
): LinliError {
  return errorFrom(registerMessages, code, path, params);
}
