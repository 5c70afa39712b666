import { translator } from '../../shell/strings.js';

/** The project list's words (`/c/:community/organizer/projects`). */
export const t = translator({
  title: { 'zh-CN': '立项的项目', en: 'Funded projects' },
  loading: { 'zh-CN': '正在读取项目…', en: 'Loading the projects…' },
  none: {
    'zh-CN': '还没有立项的项目。预算表决结束后，入选的项目会出现在这里。',
    en: 'No funded projects yet. When a budget vote closes, the projects it funds appear here.',
  },
  from: { 'zh-CN': '来自表决：{motion}', en: 'From the vote: {motion}' },
  status: { 'zh-CN': '进度：{status}', en: 'Stage: {status}' },
  planned: { 'zh-CN': '计划中', en: 'Planned' },
  'in-progress': { 'zh-CN': '进行中', en: 'In progress' },
  done: { 'zh-CN': '已完成', en: 'Done' },
  money: {
    'zh-CN': '预算 {budget}，已花 {spent}，还剩 {remaining}',
    en: 'Budget {budget}; spent {spent}; {remaining} left',
  },
  toInProgress: { 'zh-CN': '开始做（改为进行中）', en: 'Start it (mark in progress)' },
  toDone: { 'zh-CN': '做完了（改为已完成）', en: 'Finished (mark done)' },
  confirm: {
    'zh-CN': '把“{project}”改为“{status}”？改后不能退回。',
    en: 'Mark “{project}” as “{status}”? This cannot be undone.',
  },
  yes: { 'zh-CN': '确认修改', en: 'Yes, change it' },
  no: { 'zh-CN': '先不改', en: 'No, go back' },
  spend: { 'zh-CN': '记一笔支出', en: 'Record spending' },
  amount: { 'zh-CN': '金额（元）', en: 'Amount (yuan)' },
  note: { 'zh-CN': '用途', en: 'What it paid for' },
  record: { 'zh-CN': '记下这笔支出', en: 'Record it' },
  spending: { 'zh-CN': '支出和进度记录', en: 'Spending and stage changes' },
  spendLine: { 'zh-CN': '{date}　{amount}　{note}', en: '{date}  {amount}  {note}' },
  changed: { 'zh-CN': '已改为“{status}”。', en: 'Marked “{status}”.' },
  recorded: { 'zh-CN': '已记下 {amount}。', en: 'Recorded {amount}.' },
  history: { 'zh-CN': '{when}　{who} 改为“{status}”', en: '{when}  {who} marked it “{status}”' },
});
