import type { MessageTemplates } from '../message-table.js';

/**
 * What motion rules, extensions, cancellations and exports refuse: a rule that cannot decide the
 * motion, a deadline moved the wrong way, a motion past cancelling, a format the motion has no data for.
 */
export const motionMessages = {
  'motion.rule_decides_nothing': {
    'zh-CN': () => '是非题不能只看参与率：规则至少需要一项赞成门槛（或“有人反对即否决”）',
    en: () =>
      'Turnout alone cannot decide a yes/no proposal: its rule needs an approval check (or a block that defeats it)',
  },
  'motion.block_not_available': {
    'zh-CN': () => '只有是非题可以“有人反对即否决”：本议题的选票没有“反对”一项',
    en: () => 'Only a yes/no proposal can be blocked: this motion’s ballots have no "block" answer',
  },
  'motion.extend_not_later': {
    'zh-CN': (p) => `延期后的截止时间必须晚于现在的截止时间 ${p.closesAt}`,
    en: (p) => `An extension must move the deadline past the current one, ${p.closesAt}`,
  },
  'motion.not_cancellable': {
    'zh-CN': (p) => (p.status === 'cancelled' ? '该议题已经取消' : '表决已结束并记录结果，不能再取消'),
    en: (p) =>
      p.status === 'cancelled'
        ? 'The motion is already cancelled'
        : 'Voting has closed and its result is recorded; it can no longer be cancelled',
  },
  'motion.export_needs_ranked': {
    'zh-CN': () => 'BLT 格式只适用于排序投票',
    en: () => 'BLT export is only for ranked motions',
  },
  'motion.ballots_hidden': {
    'zh-CN': (p) => `无记名表决在 ${p.closesAt} 截止前不公开选票`,
    en: (p) => `A secret motion's ballots are not released before it closes at ${p.closesAt}`,
  },
} satisfies Record<string, MessageTemplates>;
