import type { Contact } from './types.js';

/** Contact details without absent fields, so the event's JSON (and hash) has no `undefined` holes. */
export function compactContact(contact: { phone?: string | undefined; note?: string | undefined }): Contact {
  return {
    ...(contact.phone ? { phone: contact.phone } : {}),
    ...(contact.note ? { note: contact.note } : {}),
  };
}
