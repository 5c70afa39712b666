import type { MessageTemplates } from '../message-table.js';

/** What posting, withdrawing and reading notices (公告) are refused for. */
export const announcementMessages = {
  'announcement.expired_on_post': {
    'zh-CN': (p) => `截止日期 ${p.expiresOn} 早于今天（${p.today}），公告发出即过期`,
    en: (p) => `The last day ${p.expiresOn} is before today (${p.today}): the notice would never be shown`,
  },
  'announcement.withdrawn': {
    'zh-CN': (p) => `公告“${p.title}”已撤下`,
    en: (p) => `The notice "${p.title}" has been withdrawn`,
  },
  'announcement.not_in_scope': {
    'zh-CN': (p) => `公告“${p.title}”不是发给这户的`,
    en: (p) => `The notice "${p.title}" is not addressed to this household`,
  },
  'announcement.nothing_to_remind': {
    'zh-CN': (p) => `没有可提醒的内容：${p.reason === 'motion' ? '该议题不在投票中' : '该资金没有欠费'}`,
    en: (p) =>
      `There is nothing to remind of: ${p.reason === 'motion' ? 'the motion is not open for voting' : 'nobody owes the fund anything'}`,
  },
} satisfies Record<string, MessageTemplates>;
