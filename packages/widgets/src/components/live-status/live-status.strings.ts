import { commonStrings, type StringTable, translator } from '../../internal/strings.js';

/** `<linli-live-status>`'s own words, in both languages. */
export const liveStatusStrings = {
  staleJustNow: {
    'zh-CN': '连接已断开，显示的是刚才的数据',
    en: 'Connection lost: showing data from just now',
  },
  staleMinutes: {
    'zh-CN': '连接已断开，显示的是 {minutes} 分钟前的数据',
    en: 'Connection lost: showing data from {minutes} minutes ago',
  },
  staleMinute: {
    'zh-CN': '连接已断开，显示的是 1 分钟前的数据',
    en: 'Connection lost: showing data from 1 minute ago',
  },
  pending: {
    'zh-CN': '已保存 {count} 项操作，联网后自动提交',
    en: '{count} saved; sent by themselves when you are back online',
  },
  pendingOne: {
    'zh-CN': '已保存 1 项操作，联网后自动提交',
    en: '1 saved; it will be sent by itself when you are back online',
  },
  refused: {
    'zh-CN': '联网后未能提交：{reason}',
    en: 'Not accepted when sent: {reason}',
  },
} as const satisfies StringTable;

/** Translates `<linli-live-status>`'s words and the common ones. */
export const t = translator({ ...commonStrings, ...liveStatusStrings });
