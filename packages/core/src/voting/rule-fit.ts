import { type LinliError, linliError } from '../errors/linli-error.js';
import { methodOf } from './methods/registry.js';
import type { MotionDefinition } from './motion.js';
import { type DecisionRule, rulePresets } from './rules.js';

/** What decides whether a rule can judge a motion: how it is counted and who votes. */
export type RuleFitInput = Pick<MotionDefinition, 'kind' | 'method' | 'basis' | 'rule'>;

/**
 * Whether a rule can decide a motion counted the way it is, or the typed error saying why not:
 * approval checks need a count with a total in favour (not score, dot or Condorcet counts); area
 * needs owners or households; a yes/no proposal needs an approval check or a block to fail by (turnout
 * alone would pass it whatever the votes say); a block needs a ballot that can block (a proposal).
 */
export function checkRuleFits(d: RuleFitInput): LinliError | null {
  const method = methodOf(d);
  const countsOnlyParticipation = !method?.hasSupport;
  for (const [i, check] of d.rule.checks.entries()) {
    if (countsOnlyParticipation && check.kind === 'approval') {
      return linliError('motion.rule_not_applicable', ['rule', 'checks', i]);
    }
    if (check.dimension === 'area' && d.basis === 'residents') {
      return linliError('motion.dimension_unavailable', ['rule', 'checks', i], {
        dimension: 'area',
        basis: d.basis,
      });
    }
  }
  const blocks = d.rule.noBlock === true;
  if (blocks && d.kind !== 'proposal') return linliError('motion.block_not_available', ['rule', 'noBlock']);
  if (method?.byThreshold && !blocks && !d.rule.checks.some((c) => c.kind === 'approval'))
    return linliError('motion.rule_decides_nothing', ['rule', 'checks']);
  return null;
}

/**
 * The built-in rules a motion of this kind, counting method and basis accepts, in the order of
 * {@link rulePresets}: what a motion wizard offers. A ranked kind with no method yet gets the rules
 * every ranked method accepts (those without approval checks).
 */
export function rulePresetsFor(d: Omit<RuleFitInput, 'rule'>): readonly DecisionRule[] {
  const counted = d.kind === 'ranked' && d.method === undefined ? { ...d, method: 'schulze' as const } : d;
  return (Object.values(rulePresets) as DecisionRule[]).filter(
    (rule) => checkRuleFits({ ...counted, rule }) === null,
  );
}
