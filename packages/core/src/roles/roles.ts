import type { LocalDate } from '../time/local-date.js';

/** A role (职务) of a building, e.g. the building head (楼组长). */
export interface RoleDefinition {
  readonly id: string;
  readonly buildingId: string;
  readonly name: { readonly 'zh-CN': string; readonly en: string };
  /** Term length in months. */
  readonly termMonths: number;
  /** Most consecutive terms one holder may serve; none when absent. */
  readonly termLimit?: number;
  /** How many people hold it at once. */
  readonly seats: number;
}

/** One person's term in a role. */
export interface Term {
  readonly id: string;
  readonly roleId: string;
  /** A resident id or a name. */
  readonly holder: string;
  readonly from: LocalDate;
  /** The planned end: the day after the last day of the term. */
  readonly until: LocalDate;
  /** Set when the term ended early (resignation). */
  readonly endedOn?: LocalDate;
  readonly endReason?: string;
  /** Elected by a motion, or appointed directly with a reason. */
  readonly source:
    | { readonly kind: 'motion'; readonly motionId: string }
    | { readonly kind: 'appointment'; readonly reason: string }
    | { readonly kind: 'handover'; readonly fromTermId: string; readonly reason: string };
  /**
   * How to reach the holder, present only while the holder consents to share it. It goes to signed-in
   * households of the community, never into the published view.
   */
  readonly sharedContact?: string;
}

/** "One head, five specialists" (一长五大): the building head and the five volunteer specialists. */
export const oneHeadFiveSpecialists: readonly {
  readonly key: string;
  readonly name: RoleDefinition['name'];
}[] = [
  { key: 'head', name: { 'zh-CN': '楼组长', en: 'Building head' } },
  { key: 'harmony', name: { 'zh-CN': '和谐宣传员', en: 'Harmony publicist' } },
  { key: 'civility', name: { 'zh-CN': '文明示范员', en: 'Civility model' } },
  { key: 'weather', name: { 'zh-CN': '民间气象员', en: 'Folk weather watcher' } },
  { key: 'mediator', name: { 'zh-CN': '矛盾调解员', en: 'Mediator' } },
  { key: 'safety', name: { 'zh-CN': '安全联防员', en: 'Safety patrol' } },
];

/** Whether a term is in force on `date`. */
export function termActiveOn(term: Term, date: LocalDate): boolean {
  const end = term.endedOn ?? term.until;
  return term.from <= date && date < end;
}

/** `date` plus whole months, clamped to the month's last day (a term from 31 January runs to 30 April…). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}` as LocalDate;
}

/** Who holds each seat of a role on a date, and how many seats are vacant. */
export interface RoleStatus {
  readonly role: RoleDefinition;
  readonly holders: readonly Term[];
  readonly vacancies: number;
}
