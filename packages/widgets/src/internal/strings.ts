import type { Locale } from '@linli/core';

/** UI strings by key, each in every locale — the type makes a missing translation a compile error. */
export type StringTable = Readonly<Record<string, Readonly<Record<Locale, string>>>>;

/**
 * A translator over one element's table: `t(locale, key, params)` with `{name}` placeholders filled.
 * Each element keeps its own table, so an element's bundle carries only its own words.
 */
export function translator<Table extends StringTable>(table: Table) {
  return (
    locale: Locale,
    key: keyof Table & string,
    params: Readonly<Record<string, string | number>> = {},
  ): string =>
    (table[key] as Table[string])[locale].replace(/\{(\w+)\}/g, (_, name: string) =>
      String(params[name] ?? ''),
    );
}

/** Words every element may show: motion status and outcome, and the states of its data source. */
export const commonStrings = {
  statusDraft: { 'zh-CN': '未开始', en: 'Not open yet' },
  statusOpen: { 'zh-CN': '表决中', en: 'Open' },
  statusClosed: { 'zh-CN': '已结束', en: 'Closed' },
  statusCancelled: { 'zh-CN': '已取消', en: 'Cancelled' },
  outcomePassed: { 'zh-CN': '通过', en: 'Passed' },
  outcomeFailed: { 'zh-CN': '未通过', en: 'Failed' },
  outcomePending: { 'zh-CN': '待定', en: 'Pending' },
  outcomeTied: { 'zh-CN': '平票', en: 'Tied' },
  loading: { 'zh-CN': '加载中…', en: 'Loading…' },
  noGovernance: { 'zh-CN': '未连接数据', en: 'No data connected' },
  loadFailed: { 'zh-CN': '数据加载失败：{reason}', en: 'Could not load the data: {reason}' },
  status: { 'zh-CN': '状态', en: 'Status' },
  outcome: { 'zh-CN': '结果', en: 'Outcome' },
} as const satisfies StringTable;
