/** One community the host lists: what `GET /communities` and `linli-server community list` show. */
export interface RegisteredCommunity {
  /** What `/c/:id/` and the store key use. */
  readonly id: string;
  /** The name it was founded with. */
  readonly name: string;
  /** When it was founded (ISO 8601, the founding event's time). */
  readonly created: string;
  /** Origins allowed to embed it (CORS reads; their writes still need a token), `scheme://host[:port]`. */
  readonly origins: readonly string[];
}

/**
 * The host's list of communities, kept beside the logs (SQLite: `communities.sqlite` in the data
 * folder; PostgreSQL: `linli_communities`). A community is hosted only once it is listed here, so a
 * request for any other id opens nothing and creates nothing.
 */
export interface CommunityRegistry {
  /** Every listed community, by id. */
  list(): Promise<readonly RegisteredCommunity[]>;
  /** Lists a community; false (and nothing changes) if its id is listed already. */
  register(community: Omit<RegisteredCommunity, 'origins'>): Promise<boolean>;
  /**
   * Replaces a community's origins with `edit(current)`, read and written in one transaction, so
   * two operators editing at once both keep their change; the new list, or undefined if not listed.
   */
  editOrigins(
    id: string,
    edit: (origins: readonly string[]) => readonly string[],
  ): Promise<readonly string[] | undefined>;
  /** Releases the file or connections. */
  close(): Promise<void>;
}

/** Origins as stored: a JSON array of strings (anything else reads as none). */
export function originsFromJson(text: unknown): readonly string[] {
  const parsed: unknown = typeof text === 'string' ? JSON.parse(text) : text;
  return Array.isArray(parsed) ? parsed.filter((o): o is string => typeof o === 'string') : [];
}
