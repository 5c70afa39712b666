import { type Clock, systemClock } from '@linli/core';
import { CliFailure } from './backup.js';

/**
 * The clock of a serving process: the system clock, or — only in a test (`NODE_ENV=test`, as vitest
 * sets it) — `LINLI_TEST_CLOCK=<ISO instant>`, a clock that starts at that instant and runs on at
 * the real pace, so a test can start the real server process months ahead and restart it later in
 * injected time. Outside a test the variable is refused, not ignored: a production server must never
 * run on a made-up date, and must not start as if it did.
 */
export function processClock(env: NodeJS.ProcessEnv = process.env): Clock {
  const text = env.LINLI_TEST_CLOCK;
  if (text === undefined || text === '') return systemClock;
  if (env.NODE_ENV !== 'test')
    throw new CliFailure('LINLI_TEST_CLOCK is honoured only in tests (NODE_ENV=test); unset it');
  const start = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(start))
    throw new CliFailure(`LINLI_TEST_CLOCK must be an ISO 8601 instant, not "${text}"`);
  const offset = start - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}
