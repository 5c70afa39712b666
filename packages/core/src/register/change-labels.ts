import type { Locale } from '../i18n/locale.js';

/**
 * What an import changes, by the event type it appends, as people say it: the preview's counts in
 * zh-CN and en, for the browser's import screen and `linli-server import` alike.
 */
export const REGISTER_CHANGE_LABELS: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  'building.added': { 'zh-CN': '新增楼栋', en: 'Buildings added' },
  'stairwell.added': { 'zh-CN': '新增单元', en: 'Stairwells added' },
  'unit.added': { 'zh-CN': '新增房屋', en: 'Units added' },
  'owner.registered': { 'zh-CN': '登记业主', en: 'Owners registered' },
  'unit.areaRecorded': { 'zh-CN': '更新面积', en: 'Areas recorded' },
  'unit.transferred': { 'zh-CN': '登记产权', en: 'Ownerships recorded' },
  'resident.movedIn': { 'zh-CN': '登记入住', en: 'Move-ins recorded' },
};
