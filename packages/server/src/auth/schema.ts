/**
 * The auth databases' schema version. 1 is the layout before named organizers (one table of tokens,
 * one of invite codes); 2 adds organizer accounts and names the organizer behind each token; 3 names
 * each household session as a device (public id, when, by which kind of code) and lets a code expire
 * and be of a kind (a printed invite, or a one-time code to add a family member's phone). SQLite
 * keeps the version in `PRAGMA user_version`, PostgreSQL in `linli_auth_schema`.
 */
export const AUTH_SCHEMA_VERSION = 3;

/** The organizer that every token of a version-1 database becomes: there was one, unnamed. */
export const MIGRATED_ORGANIZER = {
  id: 'organizer',
  name: 'organizer',
  role: 'residents-committee',
} as const;

/** A database written by newer code: refused, since this code would misread it. */
export class NewerAuthSchemaError extends Error {
  constructor(found: number) {
    super(
      `linli: the sign-in database has schema version ${found}, newer than this linli-server knows (${AUTH_SCHEMA_VERSION}); upgrade linli-server`,
    );
    this.name = 'NewerAuthSchemaError';
  }
}
