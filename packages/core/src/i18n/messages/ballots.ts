import type { MessageTemplates } from '../message-table.js';

/** Who may cast a ballot, secret motions' promise, and the tie lottery: what voting refuses. */
export const ballotTrustMessages = {
  'ballot.organizer_only': {
    'zh-CN': (p) => `“${p.voterId}”没有登记的业主或成员，只能由组织者录入其纸质表决票`,
    en: (p) => `"${p.voterId}" has no registered member; only the organizer may enter its paper ballot`,
  },
  'motion.lottery_needs_deadline': {
    'zh-CN': (p) =>
      `平票需抽签决定，抽签结果不能由提前结束的时机左右：请等到截止时间 ${p.closesAt} 后再结束表决`,
    en: (p) =>
      `A tie here is settled by lottery, and the moment of an early close must not choose the draw: close after ${p.closesAt}`,
  },
  'motion.secret_with_consent': {
    'zh-CN': () => '不记名表决不能指定必须同意的房屋：公布是否同意就会暴露这些业主的选择',
    en: () =>
      'A secret motion cannot name units that must consent: publishing whether they consented would reveal their ballots',
  },
  'motion.roll_exposes_ballot': {
    'zh-CN': (p) =>
      `表决名单只有 ${p.voters} 人，不记名投票无法保密（至少需要 3 人）；请改为记名表决或扩大范围`,
    en: (p) =>
      `A roll of ${p.voters} cannot keep a ballot secret (it takes at least 3); make the motion public or widen its scope`,
  },
} satisfies Record<string, MessageTemplates>;
