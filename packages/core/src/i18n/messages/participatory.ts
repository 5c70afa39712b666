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
} satisfies Record<string, MessageTemplates>;
