import { describe, expect, it } from 'vitest';
import { ruleSource } from './rule-source.js';
import { rulePresets } from './rules.js';

describe('ruleSource', () => {
  it('names where every built-in rule comes from in the page’s language only', () => {
    for (const rule of Object.values(rulePresets)) {
      expect(ruleSource(rule, 'zh-CN'), rule.id).not.toMatch(/[A-Za-z]/);
      expect(ruleSource(rule, 'en'), rule.id).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(ruleSource(rulePresets.simpleMajority, 'zh-CN')).toContain('居民自治');
    expect(ruleSource(rulePresets['civilCode278.major'], 'en')).toContain('Art. 278');
  });
});
