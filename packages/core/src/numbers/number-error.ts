import type { PathSegment } from '../errors/linli-error.js';
import { errorFrom, type LinliError } from '../errors/linli-error.js';
import type { MessageParams } from '../i18n/message-table.js';
import { numberMessages } from '../i18n/messages/numbers.js';

/** A number-domain error, carrying only the number domain's messages. */
export function numberError(
  code: keyof typeof numberMessages,
  path: readonly PathSegment[] = [],
  params: MessageParams = {},
): LinliError {
  return errorFrom(numberMessages, code, path, params);
}
