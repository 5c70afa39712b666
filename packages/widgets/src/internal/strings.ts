import type { Locale } from '@linli/core';

/** Every UI string of the elements, in both languages. Kept in one place so none goes untranslated. */
const strings = {
  statusDraft: { 'zh-CN': '未开始', en: 'Not open yet' },
  statusOpen: { 'zh-CN': '表决中', en: 'Open' },
  statusClosed: { 'zh-CN': '已结束', en: 'Closed' },
  outcomePassed: { 'zh-CN': '通过', en: 'Passed' },
  outcomeFailed: { 'zh-CN': '未通过', en: 'Failed' },
  outcomePending: { 'zh-CN': '待定', en: 'Pending' },
  outcomeTied: { 'zh-CN': '平票', en: 'Tied' },
  decidedEarly: { 'zh-CN': '结果已确定', en: 'Result certain' },
  closesAt: { 'zh-CN': '截止：{time}', en: 'Closes {time}' },
  closedAt: { 'zh-CN': '已于 {time} 截止', en: 'Closed {time}' },
  remaining: { 'zh-CN': '剩余 {d} 天 {h} 小时', en: '{d} d {h} h left' },
  yourBallot: { 'zh-CN': '您的选择：{choice}', en: 'Your ballot: {choice}' },
  youVoted: { 'zh-CN': '您已投票', en: 'You have voted' },
  notEligible: { 'zh-CN': '您不在本议题的表决名单中', en: 'You are not on this motion’s electoral roll' },
  notOpen: { 'zh-CN': '表决尚未开始', en: 'Voting has not opened yet' },
  votingClosed: { 'zh-CN': '表决已结束', en: 'Voting has closed' },
  asProxy: {
    'zh-CN': '正在代 {voter} 投票（委托书 {ref}）',
    en: 'Voting as proxy for {voter} (authorization {ref})',
  },
  cast: { 'zh-CN': '投票', en: 'Cast ballot' },
  change: { 'zh-CN': '修改投票', en: 'Change ballot' },
  yes: { 'zh-CN': '同意', en: 'Yes' },
  no: { 'zh-CN': '反对', en: 'No' },
  abstain: { 'zh-CN': '弃权', en: 'Abstain' },
  block: { 'zh-CN': '阻止', en: 'Block' },
  chooseBetween: { 'zh-CN': '请选择 {min} 至 {max} 项', en: 'Choose {min} to {max}' },
  score: { 'zh-CN': '{option} 的评分', en: 'Score for {option}' },
  rankHint: {
    'zh-CN': '用“上移”“下移”排列顺序，第一位是您最想要的',
    en: 'Use Move up / Move down to order them; first is your favourite',
  },
  moveUp: { 'zh-CN': '上移 {option}', en: 'Move {option} up' },
  moveDown: { 'zh-CN': '下移 {option}', en: 'Move {option} down' },
  up: { 'zh-CN': '上移', en: 'Up' },
  down: { 'zh-CN': '下移', en: 'Down' },
  secret: { 'zh-CN': '无记名投票：截止后公布结果', en: 'Secret ballot: results after voting closes' },
  turnout: { 'zh-CN': '已投票 {voted} / {eligible}', en: '{voted} of {eligible} have voted' },
  required: { 'zh-CN': '门槛', en: 'threshold' },
  results: { 'zh-CN': '计票', en: 'Tally' },
  motions: { 'zh-CN': '议题', en: 'Motions' },
  noMotions: { 'zh-CN': '暂无议题', en: 'No motions yet' },
  loading: { 'zh-CN': '加载中…', en: 'Loading…' },
  noGovernance: { 'zh-CN': '未连接数据', en: 'No data connected' },
  unknownMotion: { 'zh-CN': '找不到该议题', en: 'Motion not found' },
} as const satisfies Record<string, Record<Locale, string>>;

/** A string key. */
export type StringKey = keyof typeof strings;

/** The string `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function t(
  locale: Locale,
  key: StringKey,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return strings[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
