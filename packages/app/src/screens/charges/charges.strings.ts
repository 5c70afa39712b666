import { translator } from '../../shell/strings.js';

/** The recurring charges screen's words (`/c/:community/organizer/charges`). */
export const t = translator({
  title: { 'zh-CN': '每月固定费用', en: 'Recurring charges' },
  loading: { 'zh-CN': '正在读取费用…', en: 'Loading the charges…' },
  intro: {
    'zh-CN': '服务器在每月的缴费日自动出账，每个月只出一次；迁入迁出按实际居住天数分摊，精确到分。',
    en: 'The server bills each month on its due day, exactly once; move-ins and move-outs are prorated by days lived, exact to the fen.',
  },
  define: { 'zh-CN': '新增每月费用', en: 'Define a recurring charge' },
  name: { 'zh-CN': '名称（如“门卫工资”）', en: 'Name (e.g. the doorman’s wage)' },
  fund: { 'zh-CN': '记入哪个基金', en: 'Fund it is billed into' },
  newFund: { 'zh-CN': '开设新基金', en: 'Open a new fund' },
  newFundName: {
    'zh-CN': '新基金名称（选“开设新基金”时填写，默认同费用名称）',
    en: 'New fund’s name (for “Open a new fund”; the charge’s name if empty)',
  },
  amount: { 'zh-CN': '每月金额（元，最多两位小数）', en: 'Monthly amount (yuan, up to two decimals)' },
  scope: { 'zh-CN': '分摊范围', en: 'Who shares it' },
  wholeCommunity: { 'zh-CN': '整个小区', en: 'The whole community' },
  split: { 'zh-CN': '分摊方式', en: 'Split' },
  equal: { 'zh-CN': '每户均摊', en: 'Equally per household' },
  byArea: { 'zh-CN': '按面积', en: 'By area' },
  start: { 'zh-CN': '起始月份（如 2028-01）', en: 'First month (e.g. 2028-01)' },
  dueDay: { 'zh-CN': '每月缴费日（1–31 日）', en: 'Day of the month it falls due (1–31)' },
  confirmDefine: {
    'zh-CN': '从 {start} 起每月 {amount} 的“{name}”，每月 {day} 日出账。确定吗？',
    en: '“{name}”: {amount} a month from {start}, billed on day {day}. Go ahead?',
  },
  none: { 'zh-CN': '还没有每月费用。', en: 'No recurring charges yet.' },
  facts: {
    'zh-CN': '{fund} · 每月 {amount} · {split} · 每月 {day} 日 · 自 {start}',
    en: '{fund} · {amount} a month · {split} · day {day} · from {start}',
  },
  endsAfter: { 'zh-CN': '最后一个月：{end}', en: 'Last month: {end}' },
  nextBill: { 'zh-CN': '下次出账：{date}（{month}）', en: 'Next bill: {date} ({month})' },
  noNext: { 'zh-CN': '已结束，不再出账。', en: 'Ended: no more bills.' },
  notYet: { 'zh-CN': '还没有出过账。', en: 'Nothing billed yet.' },
  period: { 'zh-CN': '{month} 账单，合计 {total}', en: '{month} bill, {total} in all' },
  room: { 'zh-CN': '房号', en: 'Room' },
  days: { 'zh-CN': '居住天数', en: 'Days lived' },
  share: { 'zh-CN': '应缴', en: 'Share' },
  end: { 'zh-CN': '停止这项费用', en: 'End this charge' },
  endMonth: { 'zh-CN': '最后出账月份（如 2028-06）', en: 'Last month billed (e.g. 2028-06)' },
  confirmEnd: {
    'zh-CN': '“{name}”出账到 {end} 为止，之后不再出账。确定吗？',
    en: '“{name}” is billed up to {end} and no further. Go ahead?',
  },
  yes: { 'zh-CN': '确定', en: 'Yes, go ahead' },
  no: { 'zh-CN': '返回修改', en: 'Back' },
  saved: { 'zh-CN': '已保存。', en: 'Saved.' },
});
