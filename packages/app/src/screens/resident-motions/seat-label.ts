import type { HouseholdSeat, Locale } from '@linli/core';
import { t } from './resident-motions.strings.js';

/**
 * A ballot the household may cast, named as residents would: "本户（102室）", its n-th ballot where the
 * roll gives it several (one per resident), or "代 201室 投票（委托本户）" for a proxy this household
 * holds — rooms, never ids.
 */
export function seatLabel(seat: HouseholdSeat, seats: readonly HouseholdSeat[], locale: Locale): string {
  const rooms = seat.rooms.join(locale === 'zh-CN' ? '、' : ', ');
  if (seat.proxyId !== undefined) return t(locale, 'proxySeat', { rooms });
  const own = seats.filter((s) => s.proxyId === undefined);
  if (own.length === 1) return t(locale, 'ownSeat', { rooms });
  return t(locale, 'ownSeatN', { rooms, n: String(own.indexOf(seat) + 1) });
}

/** The proxy holder as `<linli-vote>` greets them: the person's name, or the household's room ("102室"); empty for an own seat. */
export function holderLabel(seat: HouseholdSeat | undefined, locale: Locale): string {
  const holder = seat?.holder;
  if (!holder) return '';
  return 'name' in holder ? holder.name : t(locale, 'holderRoom', { room: holder.room });
}
