import type { Locale } from '../i18n/locale.js';
import type { DecisionRule } from './rules.js';

/**
 * Where a rule comes from, in the page's language only: the core's `source` is a citation that mixes
 * Chinese and English, which an elderly reader of either language cannot use. A rule the page has no
 * words for (a community's own) keeps its `source` as written.
 */
export function ruleSource(rule: DecisionRule, locale: Locale): string {
  if (rule.id.startsWith('civilCode278.'))
    return locale === 'zh-CN'
      ? '依据：中华人民共和国民法典第二百七十八条第二款'
      : 'Source: PRC Civil Code Art. 278, para. 2';
  if (rule.jurisdiction === 'community')
    return locale === 'zh-CN'
      ? '依据：居民自治，由社区自己约定'
      : 'Source: residents’ self-governance, the community’s own rule';
  return rule.source;
}
