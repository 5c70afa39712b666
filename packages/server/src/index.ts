/**
 * @linli/server — durable event stores for @linli/core: SQLite (the embedded default) and, for
 * deployments beyond one machine, PostgreSQL. Both implement the core's `EventStore` unchanged.
 *
 * @packageDocumentation
 */
export { PostgresStore } from './stores/postgres-store.js';
export { SqliteStore } from './stores/sqlite-store.js';
