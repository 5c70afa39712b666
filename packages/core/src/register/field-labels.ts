import type { Locale } from '../i18n/locale.js';
import type { RegisterField } from './types.js';

/** A register field as the mapping step offers it: its name in both languages, and whether a register needs it. */
export interface RegisterFieldLabel {
  readonly field: RegisterField;
  readonly label: Readonly<Record<Locale, string>>;
  readonly required: boolean;
}

/** Every field a register column can fill, in the order the mapping step lists them. */
export const REGISTER_FIELD_LABELS: readonly RegisterFieldLabel[] = [
  { field: 'building', label: { 'zh-CN': '楼号', en: 'Building' }, required: true },
  { field: 'stairwell', label: { 'zh-CN': '单元', en: 'Stairwell' }, required: false },
  { field: 'room', label: { 'zh-CN': '室号', en: 'Room' }, required: true },
  { field: 'floor', label: { 'zh-CN': '楼层', en: 'Floor' }, required: false },
  { field: 'area', label: { 'zh-CN': '面积（㎡）', en: 'Area (m²)' }, required: true },
  { field: 'areaSource', label: { 'zh-CN': '面积来源', en: 'Area source' }, required: false },
  { field: 'owner', label: { 'zh-CN': '产权人', en: 'Owner' }, required: false },
  { field: 'coOwners', label: { 'zh-CN': '共有人', en: 'Co-owners' }, required: false },
  { field: 'developer', label: { 'zh-CN': '开发商（未售）', en: 'Developer (unsold)' }, required: false },
  { field: 'phone', label: { 'zh-CN': '联系电话', en: 'Phone' }, required: false },
  { field: 'moveIn', label: { 'zh-CN': '入住日期', en: 'Move-in date' }, required: false },
];
