import type { Governance, Locale } from '@linli/core';
import { t } from './proxies.strings.js';
import { roomLabel } from './room-lookup.js';

/**
 * A proxy holder (委托书's 受托人) as an organizer reads them, never an id: a household by its room
 * ("602室"), a resident or owner of the register by name, anyone else — a relative named on the
 * paper — as the paper names them.
 */
export function holderLabel(gov: Pick<Governance, 'read'>, holder: string, locale: Locale): string {
  const known = gov.read((s) => ({
    unit: s.community.units.has(holder),
    name: s.community.residents.get(holder)?.name ?? s.community.owners.get(holder)?.name,
  }));
  if (known.unit) return t(locale, 'room', { room: roomLabel(gov, holder) });
  return known.name ?? holder;
}
