import type { MessageTemplates } from '../message-table.js';

const fieldNames: Readonly<Record<string, readonly [string, string]>> = {
  building: ['楼号', 'building'],
  stairwell: ['单元', 'stairwell'],
  room: ['室号', 'room'],
  area: ['面积', 'area'],
};

const field = (name: unknown, locale: 0 | 1): string => fieldNames[String(name)]?.[locale] ?? String(name);

/** The housing register's errors: what reading, checking and applying a register file refuses. */
export const registerMessages = {
  'register.unreadable': {
    'zh-CN': (p) => `无法读取文件 ${p.filename}：不是有效的 .xlsx 或 .csv`,
    en: (p) => `Cannot read ${p.filename}: it is not a valid .xlsx or .csv file`,
  },
  'register.no_header': {
    'zh-CN': () => '找不到表头行（需要室号及至少另外两列，如楼号、面积）',
    en: () =>
      'No header row found (it needs a room column and at least two others, such as building and area)',
  },
  'register.missing_column': {
    'zh-CN': (p) => `缺少“${field(p.field, 0)}”列`,
    en: (p) => `The ${field(p.field, 1)} column is missing`,
  },
  'register.missing_value': {
    'zh-CN': () => '此项不能为空',
    en: () => 'This cell cannot be blank',
  },
  'register.bad_area': {
    'zh-CN': (p) => `“${p.value}”不是有效的面积（正数，最多两位小数，可带㎡或平方米）`,
    en: (p) => `"${p.value}" is not a valid area (a positive number with at most two decimals, m² optional)`,
  },
  'register.bad_floor': {
    'zh-CN': (p) => `“${p.value}”不是有效的楼层`,
    en: (p) => `"${p.value}" is not a valid floor`,
  },
  'register.bad_source': {
    'zh-CN': (p) => `“${p.value}”不是已知的面积来源（登记、实测或合同）`,
    en: (p) => `"${p.value}" is not a known area source (registered, surveyed or contract)`,
  },
  'register.bad_phone': {
    'zh-CN': (p) => `“${p.value}”不是有效的电话号码`,
    en: (p) => `"${p.value}" is not a valid phone number`,
  },
  'register.bad_date': {
    'zh-CN': (p) => `“${p.value}”不是有效的日期（如 2020-01-05）`,
    en: (p) => `"${p.value}" is not a valid date (e.g. 2020-01-05)`,
  },
  'register.duplicate_room': {
    'zh-CN': (p) => `${p.room} 室重复出现（首次在第 ${p.first} 行）`,
    en: (p) => `Room ${p.room} appears twice (first on row ${p.first})`,
  },
  'register.too_many_rows': {
    'zh-CN': (p) => `清册超过 ${p.max} 行，请分楼导入`,
    en: (p) => `The register has more than ${p.max} rows; import it building by building`,
  },
  'register.has_problems': {
    'zh-CN': (p) => `清册还有 ${p.count} 个问题，请先改正`,
    en: (p) => `The register still has ${p.count} problems; correct them first`,
  },
} satisfies Record<string, MessageTemplates>;
