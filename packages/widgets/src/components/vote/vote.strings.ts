import { commonStrings, type StringTable, translator } from '../../internal/strings.js';

/** `<linli-vote>`'s own words, in both languages. */
export const voteStrings = {
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
  pointsLeft: { 'zh-CN': '还剩 {n} 点（共 {budget} 点）', en: '{n} of {budget} points left' },
  pointsOne: { 'zh-CN': '{option}：{n} 点', en: '{option}: {n} point' },
  pointsMany: { 'zh-CN': '{option}：{n} 点', en: '{option}: {n} points' },
  addPoint: { 'zh-CN': '给 {option} 加 1 点', en: 'Add a point to {option}' },
  removePoint: { 'zh-CN': '从 {option} 减 1 点', en: 'Take a point from {option}' },
  rankHint: {
    'zh-CN': '用“上移”“下移”排列顺序，第一位是您最想要的',
    en: 'Use Move up / Move down to order them; first is your favourite',
  },
  moveUp: { 'zh-CN': '上移 {option}', en: 'Move {option} up' },
  moveDown: { 'zh-CN': '下移 {option}', en: 'Move {option} down' },
  up: { 'zh-CN': '上移', en: 'Up' },
  down: { 'zh-CN': '下移', en: 'Down' },
  secret: { 'zh-CN': '无记名投票：截止后公布结果', en: 'Secret ballot: results after voting closes' },
  secretWithheld: {
    'zh-CN': '无记名投票：为免推断出个人的选择，不公布面积合计，只公布人数和各门槛是否达到',
    en: 'Secret ballot: area totals that could reveal a voter’s choice are not published, only headcounts and whether each threshold is met',
  },
  withheldParticipation: { 'zh-CN': '参与表决的{weight}：{state}', en: '{weight} taking part: {state}' },
  withheldApproval: { 'zh-CN': '同意的{weight}：{state}', en: '{weight} in favour: {state}' },
  weightArea: { 'zh-CN': '面积', en: 'Area' },
  weightCustom: { 'zh-CN': '权重', en: 'Weight' },
  checkMet: { 'zh-CN': '已达到门槛', en: 'threshold met' },
  checkNotMet: { 'zh-CN': '未达到门槛', en: 'threshold not met' },
  turnout: { 'zh-CN': '已投票 {voted} / {eligible}', en: '{voted} of {eligible} have voted' },
  required: { 'zh-CN': '门槛', en: 'threshold' },
  results: { 'zh-CN': '计票', en: 'Tally' },
  unknownMotion: { 'zh-CN': '找不到该议题', en: 'Motion not found' },
} as const satisfies StringTable;

/** Translates `<linli-vote>`'s words and the common ones. */
export const t = translator({ ...commonStrings, ...voteStrings });
