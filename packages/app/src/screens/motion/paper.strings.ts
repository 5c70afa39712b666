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
  order: {
    'zh-CN': '选票上的顺序：按顺序输入选项编号，用空格隔开（例如 3 1 2）',
    en: 'The order on the paper: type the options’ numbers in order, with spaces (e.g. 3 1 2)',
  },
  tick: {
    'zh-CN': '选票上打勾的选项（按 1–{n} 勾选或取消）',
    en: 'The options ticked on the paper (keys 1–{n} tick or untick)',
  },
  scoreEach: {
    'zh-CN': '每个选项的分数（0–5，没写的留空）',
    en: 'The score for each option (0–5; leave blank if none)',
  },
  pointsEach: {
    'zh-CN': '每个选项的点数（没写的留空）',
    en: 'The points for each option (leave blank if none)',
  },
  notNumber: {
    'zh-CN': '“{option}”一栏应填数字，现在是“{typed}”。',
    en: '"{option}" takes a number, not "{typed}".',
  },
  noSuchOption: {
    'zh-CN': '没有第 {typed} 个选项（共 {n} 个）。',
    en: 'There is no option {typed} (there are {n}).',
  },
  howToMarks: {
    'zh-CN': '键盘操作：输入房号，按 Tab，填选票上的标记，按 Tab，输入选票编号，按回车。',
    en: 'With the keyboard: type the room, Tab, enter the marks on the paper, Tab, type the ballot number, Enter.',
  },
  queue: { 'zh-CN': '等待第二人核对（{n} 张）', en: 'Waiting for a second check ({n})' },
  queueEmpty: { 'zh-CN': '没有等待核对的选票。', en: 'No paper ballot is waiting for a check.' },
  queued: {
    'zh-CN': '{room} 室：{choice}，编号 {ref}，{who}录入',
    en: 'Room {room}: {choice}, ballot {ref}, entered by {who}',
  },
  byYou: { 'zh-CN': '您', en: 'you' },
  waitsForOther: {
    'zh-CN': '您录入的选票要由另一位组织者核对，请对方打开这一页。',
    en: 'The ballots you entered must be checked by another organizer: ask them to open this page.',
  },
  confirm: { 'zh-CN': '核对无误，计入', en: 'Checked: count it' },
  reject: { 'zh-CN': '录错了，退回', en: 'Mis-entered: reject' },
  confirmed: {
    'zh-CN': '已核对计入：{room} 室，编号 {ref}',
    en: 'Checked and counted: room {room}, ballot {ref}',
  },
  rejected: {
    'zh-CN': '已退回：{room} 室，编号 {ref}。可以重新录入。',
    en: 'Rejected: room {room}, ballot {ref}. It can be entered again.',
  },
  twoPerson: {
    'zh-CN': '本议题两人核对：您录入的选票要由另一位组织者确认后才计入。',
    en: 'Two-person check: a ballot you enter counts once another organizer confirms it.',
  },
  pendingRoom: {
    'zh-CN': '{room} 室已有一张选票在等待核对。',
    en: 'Room {room} already has a ballot waiting for a check.',
  },
  enteredPending: {
    'zh-CN': '已录入，等待核对：{room} 室，{choice}，编号 {ref}',
    en: 'Entered, waiting for a check: room {room}, {choice}, ballot {ref}',
  },
  runningTally: { 'zh-CN': '当前计票', en: 'Running tally' },
  whoSigned: { 'zh-CN': '这张选票是谁签的？', en: 'Who signed this paper?' },
  signedByVoter: { 'zh-CN': '{room} 室本户', en: 'The household of room {room}' },
  signedByProxy: {
    'zh-CN': '受托人 {holder} 代投（委托书 {ref}）',
    en: 'Cast by the proxy holder {holder} (委托书 {ref})',
  },
  byProxy: { 'zh-CN': '（受托人 {holder} 代投）', en: ' (cast by the proxy holder {holder})' },
  numberMismatch: {
    'zh-CN':
      '{ref} 不是 {room} 室选票上印的编号（应为 {expected}）。请核对房号和编号；确实无误，再按一次回车录入。',
    en: '{ref} is not the number printed on room {room}’s ballot (that is {expected}). Check the room and the number; if they are right, press Enter again to enter it anyway.',
  },
  submitAnyway: { 'zh-CN': '仍然录入（回车）', en: 'Enter it anyway (Enter)' },
});
