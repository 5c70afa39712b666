/**
 * A community id: what `/c/:id/` and the store key use, typed by an operator or on `/setup`.
 * Lowercase ASCII so it survives a URL, a file name and a phone keyboard unchanged.
 */
export const COMMUNITY_ID: RegExp = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** Whether `id` is a well-formed community id. */
export const isCommunityId = (id: string): boolean => COMMUNITY_ID.test(id);
