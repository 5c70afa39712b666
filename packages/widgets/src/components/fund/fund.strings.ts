import { commonStrings, type StringTable, translator } from '../../internal/strings.js';

/** `<linli-fund>`'s own words, in both languages. */
export const fundStrings = {
  date: { 'zh-CN': '日期', en: 'Date' },
  room: { 'zh-CN': '房号', en: 'Room' },
  floor: { 'zh-CN': '楼层', en: 'Floor' },
  area: { 'zh-CN': '面积', en: 'Area' },
  coefficient: { 'zh-CN': '系数', en: 'Coefficient' },
  share: { 'zh-CN': '应缴', en: 'Share' },
  paid: { 'zh-CN': '已缴', en: 'Paid' },
  arrears: { 'zh-CN': '欠缴', en: 'Arrears' },
  total: { 'zh-CN': '合计', en: 'Total' },
  sharesTable: { 'zh-CN': '{fund}：每户分摊与缴费', en: '{fund}: each household’s share and payments' },
  collected: {
    'zh-CN': '已收 {paid}，共 {share}（{percent}）',
    en: 'Collected {paid} of {share} ({percent})',
  },
  incomeOffsets: {
    'zh-CN': '收入 {income}，相关支出 {expenses}，结余 {balance}',
    en: 'Income {income}, related spending {expenses}, balance {balance}',
  },
  downloadCsv: { 'zh-CN': '下载表格（CSV）', en: 'Download table (CSV)' },
  exempt: {
    'zh-CN': '您家（{room}室）免缴这笔费用。原因：{reason}',
    en: 'Your household (Room {room}) does not pay into this fund. Reason: {reason}',
  },
  noFund: { 'zh-CN': '找不到该资金', en: 'Fund not found' },
  sortBy: { 'zh-CN': '按{column}排序', en: 'Sort by {column}' },
} as const satisfies StringTable;

/** Translates `<linli-fund>`'s words and the common ones. */
export const t = translator({ ...commonStrings, ...fundStrings });
