import {
  type AppendGroup,
  type AppendGroupsOptions,
  type AppendPlan,
  type AppendPlannedOptions,
  canonicalJson,
  EMPTY_HEAD,
  type EventStore,
  GroupCommitStore,
  type LinliError,
  LinliException,
  type LoggedEvent,
  type LogHead,
  linliError,
  type PlannedAppend,
  type ReadOptions,
  type Result,
  randomSalt,
  type SaltSource,
  type StoredLog,
  type StoreListener,
  sealGroups,
} from '@linli/core';
import type Database from 'better-sqlite3';
import { migrateSqlite, type SqliteMigration } from './migrations.js';
import { leaseSqlite, type SqliteLease } from './shared-sqlite.js';

/** A row of the `events` table. */
export interface EventRow {
  seq: number;
  at: string;
  actor: string;
  type: string;
  payload: string;
  prev_hash: string;
  hash: string;
  /** A format-2 event's salt; NULL for a format-1 event. */
  salt: string | null;
}

/**
 * The event log's schema steps (`PRAGMA user_version`). Step 1 is the schema as it was before
 * versions, reached from any earlier file: an empty one, or one written before format 2 (its events
 * gain a NULL salt and stay format 1).
 */
export const sqliteEventMigrations: readonly SqliteMigration[] = [
  {
    version: 1,
    change: 'events and requests tables; the salt column of format-2 events',
    up: (db) => {
      db.exec(`
        CREATE TABLE IF NOT EXISTS events (
          community TEXT NOT NULL,
          seq INTEGER NOT NULL,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          type TEXT NOT NULL,
          payload TEXT NOT NULL,
          prev_hash TEXT NOT NULL,
          hash TEXT NOT NULL,
          salt TEXT,
          PRIMARY KEY (community, seq)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS requests (
          community TEXT NOT NULL,
          request_key TEXT NOT NULL,
          first_seq INTEGER NOT NULL,
          last_seq INTEGER NOT NULL,
          PRIMARY KEY (community, request_key)
        ) WITHOUT ROWID;
      `);
      const columns = db.prepare<[], { name: string }>('PRAGMA table_info(events)').all();
      if (!columns.some((c) => c.name === 'salt')) db.exec('ALTER TABLE events ADD COLUMN salt TEXT');
    },
  },
];

/** The columns of `events` that make an event, in the order {@link eventOfColumns} takes them. */
const EVENT_COLUMNS = 'seq, at, actor, type, payload, prev_hash, hash, salt';
/** A row of {@link EVENT_COLUMNS} as an array (better-sqlite3's `raw` mode). */
type EventColumns = [number, string, string, string, string, string, string, string | null];

/**
 * The event a row's columns hold. One literal per format, as `sealEvents` builds them: a conditional
 * spread made every event read a slower, larger object, and loading a community builds one per event.
 */
function eventOfColumns([seq, at, actor, type, text, prevHash, hash, salt]: EventColumns): LoggedEvent {
  const payload: unknown = JSON.parse(text);
  return salt === null
    ? { seq, at, actor, type, payload, prevHash, hash }
    : { seq, at, actor, type, payload, v: 2, salt, prevHash, hash };
}

/**
 * The events of rows read one at a time: `Statement.iterate` hands each row over as SQLite steps to
 * it, where `all()` first builds every row (a whole log of 500,000 events read 2–3× slower that way).
 */
function eventsOf(rows: IterableIterator<EventColumns>): LoggedEvent[] {
  const events: LoggedEvent[] = [];
  for (const row of rows) events.push(eventOfColumns(row));
  return events;
}

/** The event a row holds. */
export function eventFromRow(row: EventRow): LoggedEvent {
  return eventOfColumns([
    row.seq,
    row.at,
    row.actor,
    row.type,
    row.payload,
    row.prev_hash,
    row.hash,
    row.salt,
  ]);
}

/**
 * The values of a row of `events`, in column order: community, seq, at, actor, type, payload, prev_hash,
 * hash, salt. The payload is kept as its canonical JSON, the very text its hash covers, so that a
 * start-up check hashes the text as read rather than encoding every payload again.
 */
export function eventRow(community: string, e: LoggedEvent): (string | number | null)[] {
  return [
    community,
    e.seq,
    e.at,
    e.actor,
    e.type,
    canonicalJson(e.payload),
    e.prevHash,
    e.hash,
    e.salt ?? null,
  ];
}

/**
 * A failed transaction as the store reports it: another process took the seq between our check and
 * insert, or a request key was used already, or the database is locked — `log.conflict`, try again;
 * anything else is `log.unavailable`.
 */
function failureOf(e: unknown, expectedSeq: number): LinliError {
  const code = (e as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_BUSY')
    return linliError('log.conflict', [], { expectedSeq, actualSeq: -1 });
  return linliError('log.unavailable', [], { reason: e instanceof Error ? e.message : String(e) });
}

/**
 * The embedded default {@link EventStore}: one SQLite file holding every community's log, in WAL mode
 * with `synchronous = FULL`, so an acknowledged append survives a crash or power loss. Appends run in
 * an IMMEDIATE transaction that checks the head and inserts, and `(community, seq)` is the primary key,
 * so two writers (even two processes on the same file) can never both take a seq.
 */
export class SqliteStore extends GroupCommitStore {
  private readonly listeners = new Set<StoreListener>();
  private readonly appendTx: (
    groups: readonly AppendGroup[],
    expectedSeq: number,
  ) => Result<readonly (readonly LoggedEvent[])[], LinliError>;
  private readonly plannedTx: (plan: AppendPlan, afterSeq: number) => PlannedAppend;
  private readonly requestStmt: Database.Statement<[string, string], { first_seq: number; last_seq: number }>;
  private readonly rangeStmt: Database.Statement<[string, number, number], EventColumns>;
  private readonly readStmt: Database.Statement<[string, number], EventColumns>;

  private readonly db: Database.Database;

  private constructor(
    private readonly lease: SqliteLease,
    private readonly community: string,
    salt: SaltSource,
  ) {
    super();
    const db = lease.db;
    this.db = db;
    const head = db.prepare<[string], EventRow>(
      'SELECT * FROM events WHERE community = ? ORDER BY seq DESC LIMIT 1',
    );
    const insert = db.prepare(
      'INSERT INTO events (community, seq, at, actor, type, payload, prev_hash, hash, salt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    // Rows as arrays: a log of 500,000 events read as keyed row objects spent a third of its load
    // making and collecting them.
    this.readStmt = db
      .prepare<[string, number], EventColumns>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE community = ? AND seq > ? ORDER BY seq`,
      )
      .raw();
    const remember = db.prepare(
      'INSERT INTO requests (community, request_key, first_seq, last_seq) VALUES (?, ?, ?, ?)',
    );
    this.requestStmt = db.prepare(
      'SELECT first_seq, last_seq FROM requests WHERE community = ? AND request_key = ?',
    );
    this.rangeStmt = db
      .prepare<[string, number, number], EventColumns>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE community = ? AND seq BETWEEN ? AND ? ORDER BY seq`,
      )
      .raw();
    const currentHead = (): LogHead => {
      const last = head.get(community);
      return last ? { seq: last.seq, hash: last.hash } : EMPTY_HEAD;
    };
    /** Seals `groups` after `current` and inserts them with their request keys (inside a transaction). */
    const insertGroups = (groups: readonly AppendGroup[], current: LogHead): LoggedEvent[][] => {
      const sealed = sealGroups(groups, current, salt);
      for (const [i, events] of sealed.entries()) {
        for (const e of events) insert.run(...eventRow(community, e));
        // In the same transaction: a second append under this key hits the primary key and rolls back.
        const requestKey = groups[i]?.requestKey;
        const first = events[0];
        const lastEvent = events.at(-1);
        if (requestKey !== undefined && first && lastEvent)
          remember.run(community, requestKey, first.seq, lastEvent.seq);
      }
      return sealed;
    };
    const tx = db.transaction(
      (
        groups: readonly AppendGroup[],
        expectedSeq: number,
      ): Result<readonly (readonly LoggedEvent[])[], LinliError> => {
        const current = currentHead();
        if (current.seq !== expectedSeq) {
          return {
            ok: false,
            error: linliError('log.conflict', [], { expectedSeq, actualSeq: current.seq }),
          };
        }
        return { ok: true, value: insertGroups(groups, current) };
      },
    );
    // The plan runs inside the IMMEDIATE transaction, i.e. under the file's write lock: better-sqlite3
    // is synchronous, so no other writer (thread or process) can append between reading and inserting.
    const plannedTx = db.transaction((plan: AppendPlan, afterSeq: number): PlannedAppend => {
      const caughtUp = eventsOf(this.readStmt.iterate(community, afterSeq));
      const groups = plan(caughtUp);
      return { caughtUp, sealed: insertGroups(groups, currentHead()) };
    });
    this.plannedTx = (plan, afterSeq) => plannedTx.immediate(plan, afterSeq);
    this.appendTx = (groups, expectedSeq) => tx.immediate(groups, expectedSeq);
  }

  /**
   * Opens (creating if needed) the log of `community` in the SQLite file at `path` (`:memory:` for
   * tests). `salt` draws new events' salts (default: the platform's cryptographic generator).
   * Migrates the file to the newest schema first ({@link sqliteEventMigrations}); throws a
   * {@link LinliException} with `log.schema_too_new`, changing nothing, for a file newer than the code.
   */
  static open(path: string, community: string, options: { readonly salt?: SaltSource } = {}): SqliteStore {
    // The communities of one file share its connection (see leaseSqlite); it is set up once.
    const lease = leaseSqlite(path, 'events', (db) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('busy_timeout = 5000');
      const migrated = migrateSqlite(db, path, sqliteEventMigrations);
      if (!migrated.ok) throw new LinliException(migrated.error);
    });
    return new SqliteStore(lease, community, options.salt ?? randomSalt);
  }

  /** Appends several commands' events in one IMMEDIATE transaction: one fsync for all of them. */
  async appendGroups(
    groups: readonly AppendGroup[],
    options: AppendGroupsOptions,
  ): Promise<Result<readonly (readonly LoggedEvent[])[], LinliError>> {
    let result: Result<readonly (readonly LoggedEvent[])[], LinliError>;
    try {
      result = this.appendTx(groups, options.expectedSeq);
    } catch (e) {
      return { ok: false, error: failureOf(e, options.expectedSeq) };
    }
    if (result.ok) this.tell(result.value);
    return result;
  }

  /**
   * Decides and appends in one IMMEDIATE transaction (see {@link EventStore.appendPlanned}): `plan`
   * sees the events after `afterSeq` and its groups are sealed after them under the write lock, with
   * one fsync. A plan that throws rolls the transaction back and its error is thrown on.
   */
  async appendPlanned(
    plan: AppendPlan,
    options: AppendPlannedOptions,
  ): Promise<Result<PlannedAppend, LinliError>> {
    let thrown: { readonly error: unknown } | undefined;
    const planOnce: AppendPlan = (caughtUp) => {
      try {
        return plan(caughtUp);
      } catch (error) {
        thrown = { error };
        throw error;
      }
    };
    let planned: PlannedAppend;
    try {
      planned = this.plannedTx(planOnce, options.afterSeq);
    } catch (e) {
      if (thrown) throw thrown.error;
      return { ok: false, error: failureOf(e, options.afterSeq) };
    }
    this.tell(planned.sealed);
    return { ok: true, value: planned };
  }

  /** Tells this process's listeners about appended groups. */
  private tell(groups: readonly (readonly LoggedEvent[])[]): void {
    const events = groups.flat();
    if (events.length > 0) for (const listener of this.listeners) listener(events);
  }

  async read(options: ReadOptions = {}): Promise<readonly LoggedEvent[]> {
    return eventsOf(this.readStmt.iterate(this.community, options.afterSeq ?? 0));
  }

  /**
   * Reads as {@link SqliteStore.read}, with each payload's stored text: the canonical JSON its hash
   * covers (rows written before payloads were stored canonical hold `JSON.stringify` text instead).
   */
  async readWithPayloadTexts(options: ReadOptions = {}): Promise<StoredLog> {
    const events: LoggedEvent[] = [];
    const payloadTexts: string[] = [];
    for (const row of this.readStmt.iterate(this.community, options.afterSeq ?? 0)) {
      events.push(eventOfColumns(row));
      payloadTexts.push(row[4]);
    }
    return { events, payloadTexts };
  }

  /** The events appended under an idempotency key, if any. */
  async appendedFor(requestKey: string): Promise<readonly LoggedEvent[] | undefined> {
    const range = this.requestStmt.get(this.community, requestKey);
    return range
      ? eventsOf(this.rangeStmt.iterate(this.community, range.first_seq, range.last_seq))
      : undefined;
  }

  /** Listens for appends made through this store object (one server process). */
  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Lets go of the database file (closed when no other community of this process uses it). */
  close(): void {
    this.lease.release();
  }
}
