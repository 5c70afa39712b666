import type { StringTable } from '../../shell/strings.js';

/** The motions list's words. */
export const motionsStrings = {
  title: { 'zh-CN': '表决事项', en: 'Motions' },
  toHome: { 'zh-CN': '← 回到组织者首页', en: '← Back to the organizer’s home' },
  newMotion: { 'zh-CN': '发起新的表决', en: 'Start a new motion' },
  loading: { 'zh-CN': '正在读取社区记录…', en: 'Reading the community’s record…' },
  retry: { 'zh-CN': '重试', en: 'Try again' },
  draft: { 'zh-CN': '草稿（还没开始投票）', en: 'Drafts (voting has not started)' },
  open: { 'zh-CN': '正在投票', en: 'Voting now' },
  closed: { 'zh-CN': '已结束', en: 'Closed' },
  cancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
  none: { 'zh-CN': '没有', en: 'None' },
  empty: {
    'zh-CN': '还没有任何表决。点“发起新的表决”开始第一个。',
    en: 'There are no motions yet. Press "Start a new motion" to begin the first.',
  },
  closesAt: { 'zh-CN': '截止：{when}', en: 'Closes: {when}' },
  left: { 'zh-CN': '还剩 {time}', en: '{time} left' },
  passedDeadline: {
    'zh-CN': '已过截止时间，即将自动结束',
    en: 'Past its deadline; it closes by itself shortly',
  },
  closedAt: { 'zh-CN': '结束于：{when}', en: 'Closed: {when}' },
  outcome_passed: { 'zh-CN': '结果：通过', en: 'Result: passed' },
  outcome_failed: { 'zh-CN': '结果：未通过', en: 'Result: not passed' },
  outcome_tied: { 'zh-CN': '结果：平局', en: 'Result: tied' },
  days: { 'zh-CN': '{n} 天', en: '{n} days' },
  day: { 'zh-CN': '1 天', en: '1 day' },
  hours: { 'zh-CN': '{n} 小时', en: '{n} hours' },
  hour: { 'zh-CN': '1 小时', en: '1 hour' },
  minutes: { 'zh-CN': '{n} 分钟', en: '{n} minutes' },
  minute: { 'zh-CN': '1 分钟', en: '1 minute' },
} as const satisfies StringTable;
