import type { Locale } from '@linli/core';
import type { Localized } from './localized.js';

/** Words by key, each in every language: a missing translation is a compile error. */
export type StringTable = Readonly<Record<string, Localized>>;

/** `t(locale, key, params)` over one table, `{name}` placeholders filled; each screen keeps its own table. */
export function translator<Table extends StringTable>(table: Table) {
  return (locale: Locale, key: keyof Table & string, params: Readonly<Record<string, string>> = {}): string =>
    (table[key] as Localized)[locale].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

/** The shell's own words: its header, switches and announcements. */
export const shellStrings = {
  site: { 'zh-CN': '邻里', en: 'Linli' },
  skip: { 'zh-CN': '跳到正文', en: 'Skip to content' },
  settings: { 'zh-CN': '显示设置', en: 'Display settings' },
  language: { 'zh-CN': '语言', en: 'Language' },
  theme: { 'zh-CN': '配色', en: 'Colours' },
  themeSystem: { 'zh-CN': '跟随系统', en: 'Follow system' },
  themeLight: { 'zh-CN': '浅色', en: 'Light' },
  themeDark: { 'zh-CN': '深色', en: 'Dark' },
  largeText: { 'zh-CN': '大字', en: 'Large text' },
  signedInAs: { 'zh-CN': '已登录：{who}', en: 'Signed in: {who}' },
  household: { 'zh-CN': '{building} {room}室', en: 'Room {room}, {building}' },
  householdRoom: { 'zh-CN': '{room}室', en: 'Room {room}' },
  householdUnknown: { 'zh-CN': '本户', en: 'your household' },
  organizer: { 'zh-CN': '{name}（{role}）', en: '{name} ({role})' },
  signOut: { 'zh-CN': '退出登录', en: 'Sign out' },
  devices: { 'zh-CN': '我的设备 / 退出', en: 'My devices / sign out' },
  loading: { 'zh-CN': '加载中…', en: 'Loading…' },
  loadFailed: {
    'zh-CN': '这一页没能加载出来，请检查网络后重试。',
    en: 'This page could not be loaded. Check the connection and try again.',
  },
  retry: { 'zh-CN': '重试', en: 'Try again' },
  titleSuffix: { 'zh-CN': '邻里', en: 'Linli' },
} as const satisfies StringTable;

/** The offices an organizer holds, as residents know them. */
export const roleNames = {
  'building-head': { 'zh-CN': '楼组长', en: 'building head' },
  'residents-committee': { 'zh-CN': '居委会干部', en: "residents' committee member" },
  'owners-committee': { 'zh-CN': '业委会委员', en: "owners' committee member" },
} as const satisfies StringTable;

/** An organizer as the page names them: `王阿姨（楼组长）`, `王阿姨 (building head)`. */
export const organizerLabel = (
  who: { readonly name: string; readonly role: string },
  locale: Locale,
): string =>
  translator(shellStrings)(locale, 'organizer', { name: who.name, role: roleName(who.role, locale) });

/** A role's name in `locale`; a role this page does not know is shown as the server sent it. */
export const roleName = (role: string, locale: Locale): string =>
  Object.hasOwn(roleNames, role) ? roleNames[role as keyof typeof roleNames][locale] : role;

/**
 * A household as its residents name it — `96号楼 102室`, `Room 102, 96号楼` — from what `GET /session`
 * answers; never its unit id (a unit the register no longer has is just "本户").
 */
export const householdLabel = (
  who: { readonly building?: string; readonly room?: string },
  locale: Locale,
): string => {
  const t = translator(shellStrings);
  if (who.room === undefined) return t(locale, 'householdUnknown');
  if (who.building === undefined) return t(locale, 'householdRoom', { room: who.room });
  return t(locale, 'household', { building: who.building, room: who.room });
};
