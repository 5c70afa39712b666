/** A community id as `/c/:id/` and the stores take it: lower-case letters, digits and `-`, up to 40. */
export const COMMUNITY_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
