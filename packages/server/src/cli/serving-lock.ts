import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** The lock a serving process holds on its data folder, or who holds it already. */
export type ServingLock =
  | { readonly held: true; release(): void }
  | { readonly held: false; readonly holder: string; readonly message: string };

/**
 * Takes the data folder for this process alone, for as long as it runs. Two processes serving one
 * SQLite log would each keep their own state and stream (the second ran 175 events behind and never
 * announced the first's writes), so only one may serve. The lock is SQLite's own file lock on a
 * separate `serving.lock` database, held by `locking_mode = EXCLUSIVE` after a write: the operating
 * system drops it when the process ends in any way (even `kill -9`), so there is nothing stale to
 * clean up. The log and sign-in files are not locked: short administrative commands keep reading and
 * writing them while the server runs.
 */
export function takeServingLock(dataDir: string): ServingLock {
  // A short busy wait, not none: two processes starting at the same instant briefly hold each other's
  // shared locks while they read the schema, and with no wait both gave up and neither served. A
  // serving process holds its lock for good, so a second start still gets SQLITE_BUSY, just later.
  const db = new Database(join(dataDir, 'serving.lock'), { timeout: 2000 });
  const pidFile = join(dataDir, 'serving.pid');
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // IMMEDIATE takes the write lock at once, so two starts never both wait to upgrade a shared one.
    db.transaction(() => {
      db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL)');
      db.exec('DELETE FROM holder');
      db.prepare('INSERT INTO holder (pid) VALUES (?)').run(process.pid);
    }).immediate();
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
    let holder = 'another process';
    try {
      const pid = Number.parseInt(readFileSync(pidFile, 'utf8'), 10);
      if (Number.isSafeInteger(pid)) holder = `process ${pid}`;
    } catch {
      // The holder has not written its pid yet (it won a simultaneous start a moment ago).
    }
    return {
      held: false,
      holder,
      message: `linli: ${dataDir} is already served by ${holder}; stop it first, or set LINLI_DATA to another folder`,
    };
  }
  // For the message a second start prints; the lock itself is the database above.
  writeFileSync(pidFile, String(process.pid));
  return { held: true, release: () => db.close() };
}
