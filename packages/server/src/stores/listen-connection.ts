import pg from 'pg';
import { type BackoffSettings, backoffDelay, DEFAULT_BACKOFF } from './backoff.js';

/** How often the listening connection is asked whether it still answers, by default. */
const HEARTBEAT_MS = 10_000;

/** How a {@link ListenConnection} retries and watches its connection. */
export interface ListenSettings {
  /** How a lost connection is retried (default {@link DEFAULT_BACKOFF}). */
  readonly backoff?: BackoffSettings;
  /** How often the connection must answer `SELECT 1`, and how long it may take (default 10 s). */
  readonly heartbeatMs?: number;
  /** The jitter's randomness (default `Math.random`). */
  readonly random?: () => number;
}

/** What a {@link ListenConnection} tells its owner. */
export interface ListenHandlers {
  /** A notification's payload on the channel. */
  notified(payload: string): void;
  /** LISTEN is in place (the first time or again after a loss): whatever was missed meanwhile should be read. */
  listening(): void;
  /** The connection was lost (a restart, a failover, a killed backend); it is being re-established. */
  lost(error: unknown): void;
}

/**
 * The process's one LISTEN connection: a dedicated client outside the pool (so the budget is the
 * pool plus one), re-established after any loss with capped exponential backoff and jitter, for as
 * long as it is not closed. Every client has an `error` handler: a lost connection is reported,
 * never thrown.
 */
export class ListenConnection {
  private client: pg.Client | undefined;
  private attempt = 0;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;
  private started: Promise<void> | undefined;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly channel: string,
    private readonly handlers: ListenHandlers,
    private readonly settings: ListenSettings = {},
  ) {}

  /** Whether LISTEN is in place now. */
  get connected(): boolean {
    return this.client !== undefined;
  }

  /** The backend's process id while connected (for `pg_terminate_backend` in tests and diagnostics). */
  get backendPid(): number | undefined {
    return (this.client as unknown as { processID?: number } | undefined)?.processID;
  }

  /**
   * Starts listening; resolves after the first attempt, whether it succeeded or not (on failure it
   * keeps retrying in the background and reports {@link ListenHandlers.listening} once in place).
   */
  start(): Promise<void> {
    this.started ??= this.connect();
    return this.started;
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ ...this.config, keepAlive: true });
    let failed = false;
    const lose = (error: unknown) => {
      if (failed) return;
      failed = true;
      this.lose(client, error);
    };
    client.on('error', lose);
    client.on('end', () => lose(new Error('the LISTEN connection ended')));
    client.on('notification', (message) => {
      if (this.client === client && message.payload !== undefined) this.handlers.notified(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (e) {
      lose(e);
      return;
    }
    if (this.closed || failed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.attempt = 0;
    this.heartbeat(client, lose);
    this.handlers.listening();
  }

  /**
   * Asks the listening connection `SELECT 1` every heartbeat (10 s): a database that vanished
   * without closing the connection (a failover, a cut network) is noticed within two heartbeats,
   * rather than after the kernel's TCP keepalive gives up (minutes to hours).
   */
  private heartbeat(client: pg.Client, lose: (error: unknown) => void): void {
    const every = this.settings.heartbeatMs ?? HEARTBEAT_MS;
    const timer = setInterval(() => {
      if (this.client !== client) {
        clearInterval(timer);
        return;
      }
      let answered = false;
      const silence = setTimeout(() => {
        if (!answered) lose(new Error('the LISTEN connection stopped answering'));
      }, every);
      silence.unref();
      client.query('SELECT 1').then(
        () => {
          answered = true;
          clearTimeout(silence);
        },
        (e: unknown) => {
          clearTimeout(silence);
          lose(e);
        },
      );
    }, every);
    timer.unref();
  }

  private lose(client: pg.Client, error: unknown): void {
    const wasListening = this.client === client;
    if (wasListening) this.client = undefined;
    client.end().catch(() => undefined);
    if (this.closed) return;
    if (wasListening) this.handlers.lost(error);
    clearTimeout(this.retry);
    this.retry = setTimeout(
      () => void this.connect(),
      backoffDelay(
        this.attempt++,
        this.settings.backoff ?? DEFAULT_BACKOFF,
        this.settings.random ?? Math.random,
      ),
    );
  }

  /** Stops listening and retrying. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    await this.started;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
