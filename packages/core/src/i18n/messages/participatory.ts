import type { MessageTemplates } from '../message-table.js';

/** What a participatory budget refuses before computing anything: bad costs, ballots, budget, options. */
export const participatoryMessages = {
  'participatory.bad_cost': {
    'zh-CN': (p) => `项目“${p.id}”的费用须为正整数（单位：分），现为 ${p.cost}`,
    en: (p) => `Project "${p.id}" must cost a positive whole number of fen, not ${p.cost}`,
  },
  'participatory.duplicate_project': {
    'zh-CN': (p) => `项目编号“${p.id}”重复`,
    en: (p) => `Project id "${p.id}" appears twice`,
  },
  'participatory.unknown_project': {
    'zh-CN': (p) => `选票选了不存在的项目“${p.id}”`,
    en: (p) => `The ballot approves "${p.id}", which is not one of the projects`,
  },
  'participatory.ballot_too_long': {
    'zh-CN': (p) => `每张选票最多选 ${p.max} 个项目，这张选了 ${p.count} 个`,
    en: (p) => `A ballot may approve at most ${p.max} projects; this one approves ${p.count}`,
  },
  'participatory.bad_budget': {
    'zh-CN': (p) => `预算须为非负整数（单位：分），现为 ${p.budget}`,
    en: (p) => `The budget must be a whole number of fen, not negative; it is ${p.budget}`,
  },
  'participatory.bad_step': {
    'zh-CN': (p) => `“每次加一”的步长须为正整数（单位：分），现为 ${p.step}`,
    en: (p) => `The add-one step must be a positive whole number of fen, not ${p.step}`,
  },
  'participatory.no_budget': {
    'zh-CN': () => '预算金额须大于 0 元',
    en: () => 'The budget to spend must be more than ¥0',
  },
  'participatory.costs_without_budget': {
    'zh-CN': () => '项目有费用，但议题没有设定预算金额',
    en: () => 'The options have costs, but the motion sets no budget to spend',
  },
  'participatory.needs_approval': {
    'zh-CN': () => '预算分配只能用“可多选”的投票方式',
    en: () => 'A participatory budget needs approval voting (tick any number of projects)',
  },
  'participatory.uncosted_option': {
    'zh-CN': (p) => `项目“${p.id}”还没有填写费用`,
    en: (p) => `Project "${p.id}" has no cost yet`,
  },
  'project.not_funded': {
    'zh-CN': (p) => `项目“${p.projectId}”不是这个议题已立项的项目`,
    en: (p) => `"${p.projectId}" is not a funded project of this motion`,
  },
  'project.bad_transition': {
    'zh-CN': (p) => `项目状态只能一步步往前：现在是“${p.from}”，不能改为“${p.to}”`,
    en: (p) => `A project moves one step forward at a time: it is "${p.from}", it cannot become "${p.to}"`,
  },
  'project.over_budget': {
    'zh-CN': (p) => `这笔支出超出项目预算：还剩 ¥${p.remaining}，这笔是 ¥${p.amount}`,
    en: (p) => `This spending exceeds the project's budget: ¥${p.remaining} remains, this is ¥${p.amount}`,
  },
} satisfies Record<string, MessageTemplates>;
