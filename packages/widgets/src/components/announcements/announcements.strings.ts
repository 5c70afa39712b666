import { commonStrings, type StringTable, translator } from '../../internal/strings.js';

/** `<linli-announcements>`'s own words, in both languages. */
export const announcementsStrings = {
  heading: { 'zh-CN': '公告', en: 'Notices' },
  none: { 'zh-CN': '目前没有公告', en: 'No notices at the moment' },
  posted: { 'zh-CN': '发布于 {date}', en: 'Posted {date}' },
  until: { 'zh-CN': '有效期至 {date}', en: 'Shown until {date}' },
  attachments: { 'zh-CN': '附件', en: 'Attachments' },
  file: { 'zh-CN': '附件 {n}', en: 'Attachment {n}' },
  signInForFile: { 'zh-CN': '（登录后可查看）', en: '(sign in to open)' },
  fileFailed: { 'zh-CN': '附件打不开：{reason}', en: 'Could not open the attachment: {reason}' },
  whole: { 'zh-CN': '全小区', en: 'Whole community' },
} as const satisfies StringTable;

/** Translates `<linli-announcements>`'s words and the common ones. */
export const t = translator({ ...commonStrings, ...announcementsStrings });
