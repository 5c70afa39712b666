import type { MessageParams, MessageTemplates } from '../message-table.js';

/** Whose attempts ran out, in words: the wait is the same, the remedy is not. */
const whose = {
  address: {
    'zh-CN': '这个网络（同一 Wi-Fi）尝试的次数过多',
    en: 'Too many attempts from this network (this Wi-Fi)',
  },
  household: {
    'zh-CN': '这个邀请码被尝试的次数过多',
    en: 'Too many attempts at this invite code',
  },
  everyone: {
    'zh-CN': '此刻登录的人太多',
    en: 'Too many sign-ins at this moment',
  },
  any: { 'zh-CN': '尝试次数过多', en: 'Too many attempts' },
} as const;

type Scope = keyof typeof whose;
const scopeOf = (p: MessageParams): Scope =>
  p.scope === 'address' || p.scope === 'household' || p.scope === 'everyone' ? p.scope : 'any';

/** "in 45 seconds" / "in 2 minutes": a lockout always says how long it lasts. */
function wait(p: MessageParams, locale: 'zh-CN' | 'en'): string {
  const seconds = typeof p.seconds === 'number' ? Math.max(1, Math.ceil(p.seconds)) : 60;
  if (seconds < 120)
    return locale === 'zh-CN' ? `${seconds} 秒` : `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return locale === 'zh-CN' ? `${minutes} 分钟` : `${minutes} minutes`;
}

/** What signing in, adding a device and signing out are refused for. */
export const signInMessages = {
  'auth.bad_code': {
    'zh-CN': () => '邀请码无效、已过期或已使用',
    en: () => 'The code is not valid, has expired, or was already used',
  },
  'auth.rate_limited': {
    'zh-CN': (p) =>
      `${whose[scopeOf(p)]['zh-CN']}，请 ${wait(p, 'zh-CN')}后再试。${p.scope === 'address' || p.scope === 'household' ? '其他邻居和其他网络不受影响。' : ''}`,
    en: (p) =>
      `${whose[scopeOf(p)].en}; try again in ${wait(p, 'en')}.${p.scope === 'address' || p.scope === 'household' ? ' Other neighbours and other networks are not affected.' : ''}`,
  },
  'auth.last_device': {
    'zh-CN': () =>
      '这是这户唯一登录着的设备。退出后，这户就没有设备能登录了：入户通知上的邀请码已用过，需要请楼组长或居委会重新打印一张入户通知（新的邀请码）。确定要退出吗？',
    en: () =>
      "This is the only device your household is signed in on. After signing out, none is: the invite code on your notice has been used, so you would need to ask the building head or the residents' committee for a new notice (a new code). Sign out anyway?",
  },
  'auth.no_such_device': {
    'zh-CN': () => '这户没有这台设备（也许已经退出了）',
    en: () => 'Your household has no such device (it may have signed out already)',
  },
} satisfies Record<string, MessageTemplates>;
