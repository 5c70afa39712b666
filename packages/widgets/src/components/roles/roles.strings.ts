import { commonStrings, type StringTable, translator } from '../../internal/strings.js';

/** `<linli-roles>`'s own words, in both languages. */
export const rolesStrings = {
  title: { 'zh-CN': '{building} 一长五大', en: '{building}: building head and specialists' },
  vacant: { 'zh-CN': '空缺', en: 'Vacant' },
  vacantSeats: { 'zh-CN': '{count} 个席位空缺', en: '{count} seat(s) vacant' },
  term: { 'zh-CN': '任期 {from} 至 {until}', en: 'Term {from} to {until}' },
  contact: { 'zh-CN': '联系方式：{contact}', en: 'Contact: {contact}' },
  noRoles: { 'zh-CN': '尚未设立楼组职务', en: 'No building roles yet' },
} as const satisfies StringTable;

/** Translates `<linli-roles>`'s words and the common ones. */
export const t = translator({ ...commonStrings, ...rolesStrings });
