import type { Locale } from './locale.js';

/** Values interpolated into a message template. */
export type MessageParams = Readonly<Record<string, string | number>>;

type Template = (p: MessageParams) => string;

const nouns: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  building: { 'zh-CN': '楼', en: 'building' },
  stairwell: { 'zh-CN': '单元', en: 'stairwell' },
  unit: { 'zh-CN': '房屋', en: 'unit' },
  owner: { 'zh-CN': '业主', en: 'owner' },
  resident: { 'zh-CN': '居民', en: 'resident' },
};

/** Picks the wording for a size limit by what was measured: a string's length, an array's count, or a number. */
function byOrigin(p: MessageParams, forString: string, forArray: string, forNumber: string): string {
  return p.origin === 'string' ? forString : p.origin === 'array' ? forArray : forNumber;
}

/** The localized noun for an entity kind used in messages; unknown kinds print as given. */
function noun(kind: string | number | undefined, locale: Locale): string {
  const key = String(kind);
  return nouns[key]?.[locale] ?? key;
}

/**
 * Every error code Linli can report, with its message in each locale. Codes are stable API: a client
 * may branch on them, so rename never, add freely.
 */
const catalog = {
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
  'validation.invalid_type': {
    'zh-CN': (p) => `类型不对：应为 ${p.expected}`,
    en: (p) => `Wrong type: expected ${p.expected}`,
  },
  'validation.too_small': {
    'zh-CN': (p) =>
      byOrigin(p, `至少需要 ${p.minimum} 个字符`, `至少需要 ${p.minimum} 项`, `不能小于 ${p.minimum}`),
    en: (p) =>
      byOrigin(
        p,
        `Must have at least ${p.minimum} characters`,
        `Must have at least ${p.minimum} items`,
        `Must be at least ${p.minimum}`,
      ),
  },
  'validation.too_big': {
    'zh-CN': (p) => byOrigin(p, `最多 ${p.maximum} 个字符`, `最多 ${p.maximum} 项`, `不能大于 ${p.maximum}`),
    en: (p) =>
      byOrigin(
        p,
        `Must have at most ${p.maximum} characters`,
        `Must have at most ${p.maximum} items`,
        `Must be at most ${p.maximum}`,
      ),
  },
  'validation.invalid_format': {
    'zh-CN': (p) => `格式不对：应为 ${p.format}`,
    en: (p) => `Wrong format: expected ${p.format}`,
  },
  'validation.invalid_value': {
    'zh-CN': (p) => `取值无效，可选：${p.values}`,
    en: (p) => `Invalid value; allowed: ${p.values}`,
  },
  'validation.unrecognized_keys': {
    'zh-CN': (p) => `不认识的字段：${p.keys}`,
    en: (p) => `Unknown field(s): ${p.keys}`,
  },
  'validation.not_integer': {
    'zh-CN': () => '必须是整数',
    en: () => 'Must be an integer',
  },
  'validation.invalid': {
    'zh-CN': () => '输入无效',
    en: () => 'Invalid input',
  },
  'command.unknown_type': {
    'zh-CN': (p) => `未知的操作类型“${p.type}”`,
    en: (p) => `Unknown command type "${p.type}"`,
  },
  'date.invalid': {
    'zh-CN': (p) => `“${p.value}”不是有效日期，应为 YYYY-MM-DD`,
    en: (p) => `"${p.value}" is not a valid date; use YYYY-MM-DD`,
  },
  'community.not_founded': {
    'zh-CN': () => '请先建立小区',
    en: () => 'Found the community first',
  },
  'community.already_founded': {
    'zh-CN': (p) => `小区“${p.name}”已经建立`,
    en: (p) => `The community "${p.name}" has already been founded`,
  },
  'entity.not_found': {
    'zh-CN': (p) => `找不到${noun(p.kind, 'zh-CN')}“${p.id}”`,
    en: (p) => `No ${noun(p.kind, 'en')} "${p.id}"`,
  },
  'entity.duplicate_id': {
    'zh-CN': (p) => `${noun(p.kind, 'zh-CN')}编号“${p.id}”已被使用`,
    en: (p) => `The ${noun(p.kind, 'en')} id "${p.id}" is already taken`,
  },
  'unit.duplicate_room': {
    'zh-CN': (p) => `该单元已有 ${p.room} 室`,
    en: (p) => `This stairwell already has room ${p.room}`,
  },
  'ownership.out_of_order': {
    'zh-CN': (p) => `过户日期 ${p.date} 早于上一次过户（${p.latest}），历史不能改写`,
    en: (p) =>
      `Transfer date ${p.date} is before the previous transfer (${p.latest}); history cannot be rewritten`,
  },
  'ownership.duplicate_owner': {
    'zh-CN': (p) => `业主“${p.id}”重复列出`,
    en: (p) => `Owner "${p.id}" is listed twice`,
  },
  'resident.already_moved_out': {
    'zh-CN': (p) => `该居民已于 ${p.date} 迁出`,
    en: (p) => `This resident already moved out on ${p.date}`,
  },
  'resident.move_out_before_move_in': {
    'zh-CN': (p) => `迁出日期 ${p.date} 早于迁入日期 ${p.movedIn}`,
    en: (p) => `Move-out date ${p.date} is before the move-in date ${p.movedIn}`,
  },
  'log.conflict': {
    'zh-CN': (p) => `记录已被他人更新（期望第 ${p.expectedSeq} 条，实际第 ${p.actualSeq} 条），请刷新后重试`,
    en: (p) =>
      `The log was updated by someone else (expected seq ${p.expectedSeq}, found ${p.actualSeq}); reload and retry`,
  },
  'log.unavailable': {
    'zh-CN': (p) => `无法读写记录：${p.reason}`,
    en: (p) => `The log could not be read or written: ${p.reason}`,
  },
  'log.corrupt': {
    'zh-CN': (p) => `记录在第 ${p.seq} 条校验失败（${p.reason}），可能被篡改`,
    en: (p) => `The log fails verification at seq ${p.seq} (${p.reason}); it may have been tampered with`,
  },
  'snapshot.unsupported_version': {
    'zh-CN': (p) => `不支持的快照版本 ${p.version}（当前 ${p.current}）`,
    en: (p) => `Unsupported snapshot version ${p.version} (current is ${p.current})`,
  },
  'snapshot.head_mismatch': {
    'zh-CN': (p) => `快照与记录不符：第 ${p.seq} 条的哈希不同`,
    en: (p) => `The snapshot does not match the log: the hash at seq ${p.seq} differs`,
  },
  'snapshot.invalid': {
    'zh-CN': () => '快照内容无效',
    en: () => 'The snapshot is not valid',
  },
} satisfies Record<string, Record<Locale, Template>>;

/** A stable error code. */
export type ErrorCode = keyof typeof catalog;

/** Renders the message for `code` in `locale`. */
export function formatMessage(code: ErrorCode, locale: Locale, params: MessageParams = {}): string {
  return catalog[code][locale](params);
}

/** Whether `code` is a known error code (used when errors arrive over the wire). */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(catalog, code);
}
