import { translator } from '../../shell/strings.js';

/** Words of the printed-results and paper-ballot screens. */
export const t = translator({
  noticeTitle: { 'zh-CN': '表决结果公示', en: 'Result notice' },
  ballotsTitle: { 'zh-CN': '打印书面表决票', en: 'Print paper ballots' },
  back: { 'zh-CN': '返回这项表决', en: 'Back to the motion' },
  print: { 'zh-CN': '打印 / 存为 PDF', en: 'Print / save as PDF' },
  printHint: {
    'zh-CN': '打印时选 A4 纸。也可以在打印窗口里选“存为 PDF”。',
    en: 'Print on A4 paper. The print window can also save a PDF.',
  },
  ballotsHint: {
    'zh-CN': '每户一张，一张 A4 纸。录入纸质票时，把票上的编号填在“表决票编号”一栏。',
    en: 'One A4 page per household. When entering a paper ballot, type the number printed on it as its ballot number.',
  },
  roomFilter: {
    'zh-CN': '只打印这些房号（用空格分开，留空打印全部）',
    en: 'Only these rooms (separated by spaces; empty for all)',
  },
  count: { 'zh-CN': '共 {n} 张', en: '{n} forms' },
  notOpen: {
    'zh-CN': '表决开始后名单才确定，请开始表决后再打印表决票。',
    en: 'The roll is fixed when voting opens: open the motion first, then print the ballots.',
  },
  loading: { 'zh-CN': '加载中…', en: 'Loading…' },
  resultTitle: { 'zh-CN': '表决结果', en: 'Result' },
});
