import { commonStrings, type StringTable, translator } from '../../internal/strings.js';

/** `<linli-motion-list>`'s own words, in both languages. */
export const motionListStrings = {
  motions: { 'zh-CN': '议题', en: 'Motions' },
  noMotions: { 'zh-CN': '暂无议题', en: 'No motions yet' },
  deadline: { 'zh-CN': '截止', en: 'Deadline' },
  open: { 'zh-CN': '查看并投票', en: 'View and vote' },
  elected: { 'zh-CN': '当选：{names}', en: 'Elected: {names}' },
  chosen: { 'zh-CN': '选出：{names}', en: 'Chosen: {names}' },
} as const satisfies StringTable;

/** Translates `<linli-motion-list>`'s words and the common ones. */
export const t = translator({ ...commonStrings, ...motionListStrings });
