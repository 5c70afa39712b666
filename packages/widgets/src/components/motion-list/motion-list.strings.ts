import { commonStrings, type StringTable, translator } from '../../internal/strings.js';

/** `<linli-motion-list>`'s own words, in both languages. */
export const motionListStrings = {
  motions: { 'zh-CN': '议题', en: 'Motions' },
  noMotions: { 'zh-CN': '暂无议题', en: 'No motions yet' },
  deadline: { 'zh-CN': '截止', en: 'Deadline' },
  open: { 'zh-CN': '查看并投票', en: 'View and vote' },
} as const satisfies StringTable;

/** Translates `<linli-motion-list>`'s words and the common ones. */
export const t = translator({ ...commonStrings, ...motionListStrings });
