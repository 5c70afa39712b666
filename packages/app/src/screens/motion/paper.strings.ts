import { translator } from '../../shell/strings.js';

/** The paper-ballot entry page's words. */
export const t = translator({
  title: { 'zh-CN': '录入纸质选票', en: 'Enter paper ballots' },
  titleOf: { 'zh-CN': '录入纸质选票：{title}', en: 'Paper ballots: {title}' },
  back: { 'zh-CN': '返回议题', en: 'Back to the motion' },
  notOpen: {
    'zh-CN': '这个议题现在不在投票中，不能录入选票。',
    en: 'This motion is not open for voting, so no ballot can be entered.',
  },
  notPaper: {
    'zh-CN': '这种议题（每张选票有多个标记）暂时不能在这里录入。',
    en: 'Ballots of this kind (several marks per paper) cannot be entered here yet.',
  },
  howTo: {
    'zh-CN': '键盘操作：输入房号，按 Tab，按数字键选答案，按 Tab，输入选票编号，按回车。',
    en: 'With the keyboard: type the room, Tab, press the number of the answer, Tab, type the ballot number, Enter.',
  },
  building: {
    'zh-CN': '楼栋（房号在几栋楼重复，先选楼）',
    en: 'Building (room numbers repeat across buildings)',
  },
  room: { 'zh-CN': '房号（例如 602）', en: 'Room (e.g. 602)' },
  choice: { 'zh-CN': '选票上的答案（按 1–{n}）', en: 'The answer on the paper (keys 1–{n})' },
  paperRef: { 'zh-CN': '选票编号', en: 'Ballot number' },
  submit: { 'zh-CN': '录入（回车）', en: 'Enter it (Enter)' },
  noRoom: { 'zh-CN': '没有 {room} 室。', en: 'There is no room {room}.' },
  ambiguous: {
    'zh-CN': '{room} 室在几栋楼都有，请先选楼。',
    en: 'Room {room} is in several buildings: choose one first.',
  },
  found: { 'zh-CN': '{room} 室', en: 'Room {room}' },
  notOnRoll: {
    'zh-CN': '{room} 室：不在有表决权的名单上',
    en: 'Room {room}: not on the list of who may vote',
  },
  alreadyVoted: {
    'zh-CN': '{room} 室已经投过票；录入会替换之前的选票。',
    en: 'Room {room} has already voted; entering replaces that ballot.',
  },
  pickChoice: { 'zh-CN': '请选一个答案。', en: 'Choose an answer.' },
  entered: {
    'zh-CN': '已录入：{room} 室，{choice}，编号 {ref}',
    en: 'Entered: room {room}, {choice}, ballot {ref}',
  },
  thisEvening: { 'zh-CN': '本次录入（{n} 张）', en: 'Entered now ({n})' },
  undo: {
    'zh-CN': '撤销上一张（{room} 室，编号 {ref}）',
    en: 'Undo the last one (room {room}, ballot {ref})',
  },
  undone: {
    'zh-CN': '已撤销：{room} 室，编号 {ref}。记录里保留这次更正。',
    en: 'Undone: room {room}, ballot {ref}. The record keeps the correction.',
  },
  runningTally: { 'zh-CN': '当前计票', en: 'Running tally' },
});
