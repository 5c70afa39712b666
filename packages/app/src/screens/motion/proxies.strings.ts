import { translator } from '../../shell/strings.js';

/** The proxies section's words (委托书). */
export const t = translator({
  heading: { 'zh-CN': '委托书', en: 'Proxies (委托书)' },
  intro: {
    'zh-CN': '登记住户签好的委托书：由另一户或另一个人代为投票。每人可代投的份数有上限。',
    en: 'Register a signed proxy: another household or a named person votes for the household. Each holder may hold only so many.',
  },
  none: { 'zh-CN': '还没有登记委托书。', en: 'No proxy registered yet.' },
  current: { 'zh-CN': '已登记的委托书', en: 'Registered proxies' },
  entry: {
    'zh-CN': '{voter} 委托 {holder}（委托书编号 {ref}）',
    en: '{voter} is represented by {holder} (paper {ref})',
  },
  revoked: { 'zh-CN': '（已撤销）', en: '(revoked)' },
  revoke: { 'zh-CN': '撤销 {voter} 的委托', en: 'Revoke the proxy of {voter}' },
  revokeShort: { 'zh-CN': '撤销', en: 'Revoke' },
  register: { 'zh-CN': '登记一份委托书', en: 'Register a proxy' },
  voterRoom: { 'zh-CN': '委托人的房号（例如 602）', en: 'Room of the household giving the proxy (e.g. 602)' },
  holderKind: { 'zh-CN': '受托人是', en: 'The holder is' },
  holderHousehold: { 'zh-CN': '本小区另一户', en: 'another household here' },
  holderPerson: { 'zh-CN': '其他人（写姓名）', en: 'someone else (by name)' },
  holderRoom: { 'zh-CN': '受托户的房号', en: "Holder's room" },
  holderName: { 'zh-CN': '受托人姓名', en: "Holder's name" },
  paperRef: { 'zh-CN': '委托书编号', en: 'Paper reference' },
  scanRef: { 'zh-CN': '扫描件编号或文件名（可不填）', en: 'Scan reference or file name (optional)' },
  scanned: { 'zh-CN': '，扫描件 {scan}', en: ', scan {scan}' },
  submit: { 'zh-CN': '登记委托书', en: 'Register the proxy' },
  registered: { 'zh-CN': '已登记：{entry}', en: 'Registered: {entry}' },
  noRoom: { 'zh-CN': '本小区没有 {room} 室。', en: 'There is no room {room} here.' },
  ambiguous: {
    'zh-CN': '{room} 室在几栋楼都有，请写成“楼名 房号”。',
    en: 'Room {room} is in several buildings; write "building room".',
  },
  room: { 'zh-CN': '{room}室', en: 'Room {room}' },
});
