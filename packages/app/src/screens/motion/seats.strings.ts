import { translator } from '../../shell/strings.js';

/** The election result's words on the motion page: who won and seating them in the role. */
export const t = translator({
  heading: { 'zh-CN': '当选与任职', en: 'Winners and their seats' },
  electsRole: {
    'zh-CN': '这次选举选的是：{role}（{building}，{seats} 个名额，每届 {months} 个月）',
    en: 'This election fills: {role} ({building}, {seats} seat(s), terms of {months} months)',
  },
  unknownRole: {
    'zh-CN': '这次选举选的职务（{id}）已不在名单上。',
    en: 'The role this election fills ({id}) is no longer on the list.',
  },
  notClosed: {
    'zh-CN': '投票结束后，这里会列出当选的人，并可以按结果任命。',
    en: 'Once voting closes, the winners are listed here and can be seated in the role.',
  },
  winners: { 'zh-CN': '当选（按名次）', en: 'Elected (in order)' },
  tied: {
    'zh-CN': '结果是平局，还不能任命：请按规定另行决定（例如重新投票）。',
    en: 'The result is a tie, so nobody can be seated yet: settle it as the rules say (for example, vote again).',
  },
  failed: {
    'zh-CN': '这次选举没有有效结果，不能按它任命。',
    en: 'This election has no valid result; nobody can be seated from it.',
  },
  seat: { 'zh-CN': '按结果任命', en: 'Seat the winners' },
  confirmSeat: {
    'zh-CN':
      '让 {names} 从今天起担任“{role}”，任期 {months} 个月。这会写进记录，不能撤回；以后有人辞职要另行登记。',
    en: 'Seat {names} as "{role}" from today, for {months} months. This goes into the record and cannot be undone; a resignation is recorded separately.',
  },
  yesSeat: { 'zh-CN': '确定任命', en: 'Yes, seat them' },
  keep: { 'zh-CN': '不做了，返回', en: 'No, go back' },
  seated: { 'zh-CN': '已按结果任命。', en: 'The winners are seated.' },
  holders: { 'zh-CN': '现在担任“{role}”的', en: 'Now holding "{role}"' },
  holder: { 'zh-CN': '{name}，任期到 {until}', en: '{name}, until {until}' },
  noHolders: { 'zh-CN': '目前没有人担任。', en: 'Nobody holds it now.' },
  fromThis: { 'zh-CN': '（由这次选举任命）', en: '(seated by this election)' },
  list: { 'zh-CN': '、', en: ', ' },
});
