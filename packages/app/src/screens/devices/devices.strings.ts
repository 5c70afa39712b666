import { type StringTable, translator } from '../../shell/strings.js';

/** The devices screen's words. */
export const devicesStrings = {
  title: { 'zh-CN': '我的设备', en: 'My devices' },
  intro: {
    'zh-CN': '{unit} 在下面这些设备上登录着。每台都能投票、查看欠费和值日。',
    en: '{unit} is signed in on the devices below. Each can vote and see what you owe and your duty turns.',
  },
  loading: { 'zh-CN': '加载中…', en: 'Loading…' },
  listLabel: { 'zh-CN': '已登录的设备', en: 'Signed-in devices' },
  thisDevice: { 'zh-CN': '这台设备（您正在用的）', en: 'This device (the one you are using)' },
  otherDevice: { 'zh-CN': '另一台设备 {n}', en: 'Another device {n}' },
  addedAt: { 'zh-CN': '{when} 登录', en: 'Signed in {when}' },
  addedEarlier: { 'zh-CN': '较早登录', en: 'Signed in earlier' },
  addedHow: { 'zh-CN': '{when}，{how}', en: '{when}, {how}' },
  byInvite: { 'zh-CN': '用入户通知上的邀请码', en: 'with the invite code on the notice' },
  byPairing: { 'zh-CN': '用另一台设备显示的添加码', en: 'with a code another device showed' },
  endOther: { 'zh-CN': '让“{which}”退出', en: 'Sign out "{which}"' },
  ended: { 'zh-CN': '那台设备已退出。', en: 'That device has been signed out.' },
  addTitle: { 'zh-CN': '添加家人的手机', en: "Add a family member's phone" },
  addHint: {
    'zh-CN': '在这里显示一个添加码，家人用手机扫二维码，或在登录页输入这个码，就和您登录同一户。',
    en: 'Show a code here; your family member scans the QR code with their phone, or types the code on the sign-in page, and is signed in to your household.',
  },
  showCode: { 'zh-CN': '显示添加码', en: 'Show a code' },
  newCode: { 'zh-CN': '换一个添加码', en: 'Show a new code' },
  codeLabel: { 'zh-CN': '添加码', en: 'Code' },
  codeRules: {
    'zh-CN': '{time} 前有效，只能用一次。不要发给家人以外的人。',
    en: 'Works until {time}, once. Give it to nobody outside your family.',
  },
  qrLabel: { 'zh-CN': '添加码 {code} 的二维码', en: 'QR code for the code {code}' },
  typeAt: {
    'zh-CN': '也可以在家人的手机上打开 {page}，输入上面的码。',
    en: 'Or open {page} on their phone and type the code above.',
  },
  signOutTitle: { 'zh-CN': '在这台设备上退出', en: 'Sign out of this device' },
  signOutHint: {
    'zh-CN': '退出后，这台设备不再能替这户投票。其他设备不受影响。',
    en: 'After signing out, this device can no longer vote for your household. Your other devices are not affected.',
  },
  onlyDevice: {
    'zh-CN': '这是这户唯一登录着的设备。退出前，最好先添加一台家人的手机。',
    en: "This is the only device your household is signed in on. Before signing out, it is best to add a family member's phone first.",
  },
  signOut: { 'zh-CN': '退出登录', en: 'Sign out' },
  signOutAnyway: { 'zh-CN': '仍然退出', en: 'Sign out anyway' },
  keep: { 'zh-CN': '不退出', en: 'Stay signed in' },
} as const satisfies StringTable;

/** `t(locale, key, params)` over {@link devicesStrings}. */
export const t = translator(devicesStrings);
