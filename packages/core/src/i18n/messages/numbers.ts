import type { MessageTemplates } from '../message-table.js';

/** The number domain's errors: what exact money, area and fraction arithmetic refuses. */
export const numberMessages = {
  'number.not_integer': {
    'zh-CN': (p) => `${p.what} 必须是整数，收到 ${p.value}`,
    en: (p) => `${p.what} must be an integer, got ${p.value}`,
  },
  'number.unsafe': {
    'zh-CN': (p) => `${p.what} 超出可精确表示的范围（±9007199254740991）`,
    en: (p) => `${p.what} is outside the exactly representable range (±9007199254740991)`,
  },
  'number.bad_decimal': {
    'zh-CN': (p) => `“${p.value}”不是有效的金额或面积，最多两位小数`,
    en: (p) => `"${p.value}" is not a valid amount or area; use at most two decimal places`,
  },
  'number.zero_denominator': {
    'zh-CN': () => '分数的分母不能为 0',
    en: () => 'A fraction cannot have a zero denominator',
  },
  'number.negative': {
    'zh-CN': (p) => `${p.what} 不能为负数`,
    en: (p) => `${p.what} cannot be negative`,
  },
} satisfies Record<string, MessageTemplates>;
