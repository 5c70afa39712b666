import { commonStrings, type StringTable, translator } from '../../internal/strings.js';

/** `<linli-roster>`'s own words, in both languages. */
export const rosterStrings = {
  listView: { 'zh-CN': '列表', en: 'List' },
  monthView: { 'zh-CN': '月历', en: 'Month' },
  myHousehold: { 'zh-CN': '只看我家', en: 'My household only' },
  today: { 'zh-CN': '今天', en: 'Today' },
  onDuty: { 'zh-CN': '值日', en: 'On duty' },
  skippedHoliday: { 'zh-CN': '{name}，停一次', en: 'Skipped: {name}' },
  unfilled: { 'zh-CN': '无人可值（差 {missing} 人）', en: 'Unfilled ({missing} short)' },
  movedFrom: { 'zh-CN': '由 {date} 顺延', en: 'Moved from {date}' },
  requestSwap: { 'zh-CN': '申请换班', en: 'Request a swap' },
  swapWith: { 'zh-CN': '与哪一次换班', en: 'Swap with' },
  sendSwap: { 'zh-CN': '发送换班申请', en: 'Send swap request' },
  swapSent: {
    'zh-CN': '已发送换班申请，等待对方同意',
    en: 'Swap requested; waiting for the other household',
  },
  downloadCalendar: { 'zh-CN': '下载日历（iCal）', en: 'Download calendar (iCal)' },
  noDuty: { 'zh-CN': '找不到该值日', en: 'Duty not found' },
  noSlots: { 'zh-CN': '近期没有安排', en: 'Nothing scheduled' },
} as const satisfies StringTable;

/** Translates `<linli-roster>`'s words and the common ones. */
export const t = translator({ ...commonStrings, ...rosterStrings });
