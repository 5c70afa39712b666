import type { StringTable } from '../../shell/strings.js';

/** The project fund's words in the wizard. */
export const fundStrings = {
  w_fund_title: { 'zh-CN': '自治项目资金怎么花', en: 'How to spend the project fund' },
  w_fund_body: {
    'zh-CN': '请勾选你支持的项目，可以多选。预算用完为止。',
    en: 'Tick every project you support. Projects are funded until the budget runs out.',
  },
  w_project: { 'zh-CN': '项目 {n}', en: 'Project {n}' },
  fund: { 'zh-CN': '预算和费用', en: 'Budget and costs' },
  amount: { 'zh-CN': '可用预算（元）', en: 'Budget to spend (yuan)' },
  amountHint: { 'zh-CN': '例如 5000 或 5000.50', en: 'E.g. 5000 or 5000.50' },
  cost: { 'zh-CN': '“{project}”的费用（元）', en: 'Cost of “{project}” (yuan)' },
  selection: { 'zh-CN': '怎样选出项目', en: 'How projects are chosen' },
  selection_equalShares: {
    'zh-CN': '平等份额法（推荐）：每户分得同样一份预算，只为自己支持的项目出钱',
    en: 'Equal Shares (recommended): each voter holds an equal share and pays only for projects they back',
  },
  selection_greedy: {
    'zh-CN': '票多优先：按支持票数从多到少，放得下就选',
    en: 'Most votes first: by approvals, taking each project that still fits',
  },
  preview: {
    'zh-CN': '申请合计 {asked}，预算 {budget}',
    en: 'Projects ask {asked} in total; the budget is {budget}',
  },
  previewOver: {
    'zh-CN': '超出预算 {over}：不是每个项目都能做，由投票决定。',
    en: '{over} over budget: not every project can be funded; the vote decides.',
  },
  previewWithin: { 'zh-CN': '预算够做全部项目。', en: 'The budget covers every project.' },
  previewUncosted: { 'zh-CN': '还有 {n} 个项目没填费用。', en: '{n} projects have no cost yet.' },
  previewNoBudget: { 'zh-CN': '还没填预算。', en: 'No budget entered yet.' },
} as const satisfies StringTable;
