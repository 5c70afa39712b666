import { commonStrings, translator } from '../../internal/strings.js';

/** Words of the printed paper ballot. */
export const t = translator({
  ...commonStrings,
  heading: { 'zh-CN': '书面表决票', en: 'Paper ballot' },
  unknownMotion: { 'zh-CN': '找不到这项表决', en: 'This motion was not found' },
  notOnRoll: {
    'zh-CN': '这一户不在这项表决的名单上',
    en: 'This household is not on the roll of this motion',
  },
  notOpened: {
    'zh-CN': '表决开始后名单才确定，届时再打印表决票',
    en: 'The roll is fixed when the motion opens: print the ballots then',
  },
  community: { 'zh-CN': '小区', en: 'Community' },
  room: { 'zh-CN': '房号', en: 'Room' },
  number: { 'zh-CN': '表决票编号', en: 'Ballot number' },
  closes: { 'zh-CN': '截止时间', en: 'Closes' },
  choices: { 'zh-CN': '您的表决意见', en: 'Your vote' },
  proposal: {
    'zh-CN': '请在一个方框内打“✓”。',
    en: 'Tick one box.',
  },
  single: { 'zh-CN': '请在一个选项的方框内打“✓”，只选一项。', en: 'Tick the box of one option only.' },
  approval: {
    'zh-CN': '请在您同意的每个选项的方框内打“✓”（可选 {min} 至 {max} 项）。',
    en: 'Tick the box of every option you approve ({min} to {max} options).',
  },
  score: {
    'zh-CN': '请给每个选项打分：圈出 0 至 5 中的一个数字，5 分最好。',
    en: 'Score every option: circle one number from 0 to 5, 5 is best.',
  },
  ranked: {
    'zh-CN': '请按喜欢程度在方框内写 1、2、3……（1 为最喜欢），不喜欢的可以不写。',
    en: 'Write 1, 2, 3 … in the boxes in order of preference (1 = first choice); leave out any you do not want.',
  },
  dot: {
    'zh-CN': '请在方框内写给每个选项的分数，合计不超过 {budget} 分。',
    en: 'Write the points you give each option in its box, {budget} points at most in total.',
  },
  yes: { 'zh-CN': '同意', en: 'Yes' },
  no: { 'zh-CN': '反对', en: 'No' },
  abstain: { 'zh-CN': '弃权', en: 'Abstain' },
  block: { 'zh-CN': '否决', en: 'Block' },
  returnNote: {
    'zh-CN': '填好后签名，在截止前交给楼组长或居委会。',
    en: 'Sign it and hand it to your building head or the residents’ committee before voting closes.',
  },
  onceOnly: {
    'zh-CN': '已经在网上投过票的，不用再交这张纸票：每户只算一票。',
    en: 'If you already voted online, do not hand this in: each household votes once.',
  },
  lastCounts: {
    'zh-CN': '网上投过票也可以再交纸票，以最后交的一次为准。',
    en: 'If you also vote online, the ballot given last is the one that counts.',
  },
  signature: { 'zh-CN': '签名', en: 'Signature' },
  date: { 'zh-CN': '日期', en: 'Date' },
});
