import type { CommandSettings } from '../src/governance/command-runner.js';
import { chineseHolidays } from '../src/rotation/holidays.js';
import { fixedClock } from '../src/time/clock.js';
import { sequentialIds } from '../src/time/ids.js';
import { seededRandom } from '../src/time/random.js';

/** Deciding settings for tests of the command path's parts: a pinned clock, `kind-n` ids, seeded randomness. */
export function testCommandSettings(maxRetries: number, actor?: string): CommandSettings {
  return {
    clock: fixedClock('2026-11-29T02:00:00Z'),
    ids: sequentialIds(),
    random: seededRandom('command-path'),
    timeZone: 'Asia/Shanghai',
    holidays: chineseHolidays,
    maxRetries,
    ...(actor === undefined ? {} : { actor }),
  };
}
