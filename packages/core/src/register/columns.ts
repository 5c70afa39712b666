import type { AreaSource } from '../community/types.js';
import type { RegisterField } from './types.js';

/** A header as compared: NFKC (full-width → half-width), lower case, no spaces, no bracketed unit such as `(㎡)`. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[([][^)\]]*[)\]]/g, '')
    .replace(/[\s_*:：-]/g, '');
}

/** The headers Linli recognises, by field, already in {@link headerKey} form. Documented in the package README. */
export const REGISTER_HEADERS: Readonly<Record<RegisterField, readonly string[]>> = {
  building: ['楼号', '幢', '幢号', '楼栋', '楼栋号', '栋', '栋号', '楼', 'building'],
  stairwell: ['单元', '单元号', '门洞', 'stairwell', 'entrance'],
  room: ['室号', '房号', '房间号', '室', '门牌号', 'room'],
  floor: ['楼层', '层', '所在层', '所在楼层', 'floor'],
  area: [
    '建筑面积',
    '专有面积',
    '套内面积',
    '产证面积',
    '登记面积',
    '面积',
    '实测面积',
    '测绘面积',
    '合同面积',
    '预售面积',
    'area',
  ],
  areaSource: ['面积来源', '来源', 'areasource'],
  owner: ['产权人', '业主', '业主姓名', '所有权人', '权利人', 'owner', 'owners'],
  coOwners: ['共有人', '共有权人', '共有产权人', 'coowners', 'coowner'],
  developer: ['开发商', '是否开发商', '未售', 'developer'],
  phone: ['联系电话', '电话', '手机', '手机号', 'phone', 'tel'],
  moveIn: ['入住日期', '入住时间', '入住', 'movein', 'moveindate'],
};

const FIELD_BY_HEADER = new Map<string, RegisterField>(
  Object.entries(REGISTER_HEADERS).flatMap(([field, headers]) =>
    headers.map((h) => [h, field as RegisterField] as const),
  ),
);

/** The field a header names, or null. */
export function fieldOfHeader(header: string): RegisterField | null {
  return FIELD_BY_HEADER.get(headerKey(header)) ?? null;
}

/**
 * The area source an area column's header implies when the row does not say: a surveyed (实测 / 测绘)
 * or a contract (合同 / 预售) figure by its name, otherwise the registered figure a 房屋清册 copies
 * from the property register.
 */
export function areaSourceOfHeader(header: string): AreaSource {
  const key = headerKey(header);
  if (key.startsWith('实测') || key.startsWith('测绘')) return 'surveyed';
  if (key.startsWith('合同') || key.startsWith('预售')) return 'contract';
  return 'registered';
}

/** Fields a register must have; the others are optional. */
export const REQUIRED_FIELDS: readonly RegisterField[] = ['building', 'room', 'area'];
