import { translator } from '../../internal/strings.js';

export const t = translator({
  legend: { 'zh-CN': '住户登录', en: 'Household sign-in' },
  code: { 'zh-CN': '入户邀请码', en: 'Invite code' },
  hint: {
    'zh-CN': '印在入户通知上，例如 ABCDE-FGHJK；或者是家人手机上“我的设备”里显示的添加码。',
    en: 'Printed on your notice, e.g. ABCDE-FGHJK; or the code a family member\'s phone shows under "My devices".',
  },
  signIn: { 'zh-CN': '登录', en: 'Sign in' },
  signingIn: { 'zh-CN': '正在登录…', en: 'Signing in…' },
  empty: { 'zh-CN': '请填写入户邀请码。', en: 'Please enter your invite code.' },
  unreachable: {
    'zh-CN': '连不上社区的服务器，请稍后再试。',
    en: "The community's server cannot be reached; please try again shortly.",
  },
  signedIn: { 'zh-CN': '已登录：{room}', en: 'Signed in: {room}' },
  household: { 'zh-CN': '住户 {unit}', en: 'household {unit}' },
});
