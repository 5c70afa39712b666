import type { LocalDate } from '../time/local-date.js';
import { dayNumber, offsetMinutes, zonedInstant } from './calendar.js';
import type { SlotDate } from './schedule.js';

/** Days between two samples of the zone's offset. */
const STEP = 28;

/**
 * Start instants for the slots at wall-clock `time` in `timeZone`. The zone's offset is sampled every
 * four weeks (at noon UTC) over the roster's span; a slot whose surrounding samples agree takes that
 * offset by arithmetic, and only a slot next to a change (daylight saving, or Asia/Shanghai's summers
 * of 1986–1991) is resolved with Intl. A daily duty since 1990 then needs a few hundred lookups, not
 * two per slot. Assumes an offset holds for at least four weeks between changes, as every rule has.
 */
export function slotInstants(
  time: string,
  timeZone: string,
  slots: readonly SlotDate[],
): (date: LocalDate) => number {
  const first = slots[0]?.date;
  const last = slots.at(-1)?.date;
  if (!first || !last) return (date) => zonedInstant(date, time, timeZone);
  // Samples from a period before the first slot to two after the last, so every slot has one sample
  // at least a day before it and one at least a day after it.
  const origin = dayNumber(first) - STEP;
  const offsets: number[] = [];
  for (let d = origin; d <= dayNumber(last) + 2 * STEP; d += STEP)
    offsets.push(offsetMinutes(timeZone, d * 86_400_000 + 43_200_000));
  const [h, m] = time.split(':').map(Number) as [number, number];
  const wall = (h * 60 + m) * 60_000;
  return (date) => {
    const day = dayNumber(date);
    const k = Math.floor((day - 1 - origin) / STEP);
    const offset = offsets[k];
    // A slot lies within 14 hours of its day's noon UTC, so between samples k and k + 2.
    if (offset === undefined || offsets[k + 1] !== offset || offsets[k + 2] !== offset)
      return zonedInstant(date, time, timeZone);
    return day * 86_400_000 + wall - offset * 60_000;
  };
}
