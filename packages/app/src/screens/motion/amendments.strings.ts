import { translator } from '../../shell/strings.js';

/** The amendments section's words (修正案), on the motion page. */
export const t = translator({
  heading: { 'zh-CN': '修正案', en: 'Amendments' },
  openToResidents: {
    'zh-CN': '表决范围内的住户可以提出修正案。每一份都要由组织者采纳或驳回，之后才能开始投票。',
    en: 'Households who will vote on it may propose amendments. An organizer accepts or rejects each one before voting opens.',
  },
  organizersOnly: {
    'zh-CN': '这个议题只由组织者提出修正案。每一份都要采纳或驳回，之后才能开始投票。',
    en: 'Only organizers propose amendments to this motion. Each one is accepted or rejected before voting opens.',
  },
  currentText: { 'zh-CN': '现在的条文', en: 'The text as it stands' },
  adoptedText: { 'zh-CN': '表决通过的条文', en: 'The text adopted by the vote' },
  votedText: { 'zh-CN': '付诸表决的条文', en: 'The text put to the vote' },
  emptyText: { 'zh-CN': '（还没有条文）', en: '(no text yet)' },
  none: { 'zh-CN': '还没有人提出修正案。', en: 'Nobody has proposed an amendment yet.' },
  number: { 'zh-CN': '修正案 {n}', en: 'Amendment {n}' },
  proposed: { 'zh-CN': '{who}于 {when} 提出', en: 'Proposed by {who}, {when}' },
  pending: { 'zh-CN': '待处理', en: 'Waiting for a decision' },
  accepted: { 'zh-CN': '已采纳', en: 'Accepted' },
  rejected: { 'zh-CN': '已驳回', en: 'Rejected' },
  note: { 'zh-CN': '理由：{note}', en: 'Why: {note}' },
  rejectReason: { 'zh-CN': '驳回原因：{reason}', en: 'Why it was rejected: {reason}' },
  changes: {
    'zh-CN': '与现在的条文相比：删去 {removed} 行，加入 {added} 行',
    en: 'Compared with the text as it stands: {removed} line(s) taken out, {added} put in',
  },
  noChange: { 'zh-CN': '与现在的条文完全相同。', en: 'The same as the text as it stands.' },
  removedLine: { 'zh-CN': '删去：', en: 'Taken out: ' },
  addedLine: { 'zh-CN': '加入：', en: 'Put in: ' },
  legend: {
    'zh-CN': '“−”行是要删去的，“+”行是要加入的；有底色的字是改动的部分。',
    en: 'Lines marked − are taken out, lines marked + are put in; the highlighted characters are what changes.',
  },
  accept: { 'zh-CN': '采纳', en: 'Accept' },
  reject: { 'zh-CN': '驳回', en: 'Reject' },
  acceptLabel: { 'zh-CN': '采纳修正案 {n}', en: 'Accept amendment {n}' },
  rejectLabel: { 'zh-CN': '驳回修正案 {n}', en: 'Reject amendment {n}' },
  confirmAccept: {
    'zh-CN': '采纳后，议题的条文就换成修正案 {n} 的文字（上面标出的改动）。这会写进记录，不能撤回。',
    en: 'Once accepted, the motion’s text becomes the text of amendment {n} (the changes marked above). This goes into the record and cannot be undone.',
  },
  confirmReject: {
    'zh-CN': '驳回后，条文不变；修正案 {n} 和您写的原因会留在记录里，提出人能看到。不能撤回。',
    en: 'Once rejected, the text stays as it is; amendment {n} and your reason stay in the record for its proposer to read. This cannot be undone.',
  },
  reason: { 'zh-CN': '驳回原因（可不填，会写进记录）', en: 'Reason (optional, kept in the record)' },
  yesAccept: { 'zh-CN': '确定采纳', en: 'Yes, accept it' },
  yesReject: { 'zh-CN': '确定驳回', en: 'Yes, reject it' },
  keep: { 'zh-CN': '不做了，返回', en: 'No, go back' },
  didAccept: {
    'zh-CN': '已采纳修正案 {n}，条文已更新。',
    en: 'Amendment {n} accepted; the text is updated.',
  },
  didReject: { 'zh-CN': '已驳回修正案 {n}。', en: 'Amendment {n} rejected.' },
  propose: { 'zh-CN': '提出一份修正案', en: 'Propose an amendment' },
  proposeText: {
    'zh-CN': '修改后的完整条文（在现有条文上直接改）',
    en: 'The whole text as it should read (edit the current text)',
  },
  proposeNote: { 'zh-CN': '为什么这样改（可不填）', en: 'Why (optional)' },
  submit: { 'zh-CN': '提交修正案', en: 'Submit the amendment' },
  didPropose: { 'zh-CN': '已提交修正案 {n}。', en: 'Amendment {n} submitted.' },
  room: { 'zh-CN': '{room}室', en: 'Room {room}' },
});
