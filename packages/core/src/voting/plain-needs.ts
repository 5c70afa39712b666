import type { Locale } from '../i18n/locale.js';
import type { Bilingual } from './explain.js';
import { checkHint } from './hints.js';
import type { Basis, Motion } from './motion.js';
import type { Dimension } from './rules.js';
import type { Tally } from './tally.js';

/**
 * Where an open motion stands, in one plain sentence for the top of a vote card:
 * - `needs`: what is still needed, consent first ("还需 102室 同意，以及 1 位业主同意");
 * - `met`: every condition holds so far (it can still change while voting is open).
 *
 * Once the ballots still to come can no longer carry it, the core's tally is `decidedEarly` and the
 * outcome speaks instead.
 */
export interface PlainNeeds {
  readonly kind: 'needs' | 'met';
  readonly text: Bilingual;
}

const people: Record<Basis, { zh: string; one: string; many: string }> = {
  owners: { zh: '位业主', one: 'owner', many: 'owners' },
  households: { zh: '户', one: 'household', many: 'households' },
  residents: { zh: '位居民', one: 'resident', many: 'residents' },
};

/**
 * An amount in words a reader needs no legal training for: people as people, area in whole square
 * metres rounded up (75.01 m² short reads "76 m²": enough, never too little), a custom weight as is.
 */
function plainAmount(d: Dimension, value: number, basis: Basis, locale: Locale): string {
  if (d === 'area') {
    const whole = Math.ceil(value / 100);
    return locale === 'zh-CN' ? `${whole} m² 面积` : `${whole} m² of floor area`;
  }
  if (d === 'custom') return locale === 'zh-CN' ? `权重 ${value}` : `${value} weight`;
  const p = people[basis];
  return locale === 'zh-CN' ? `${value} ${p.zh}` : `${value} more ${value === 1 ? p.one : p.many}`;
}

function list(parts: readonly string[], locale: Locale): string {
  if (parts.length <= 1) return parts[0] ?? '';
  const and = locale === 'zh-CN' ? '和 ' : ' and ';
  const sep = locale === 'zh-CN' ? '、' : ', ';
  return `${parts.slice(0, -1).join(sep)}${and}${parts.at(-1)}`;
}

/**
 * What an open motion still needs, in plain words: the units whose consent is outstanding first, then
 * the yes votes and the turnout still missing, each in the smallest amount that can still carry it
 * (the core's {@link checkHint}). No fractions, no thresholds: those are the legal detail
 * (`explainTally`). `undefined` when there is nothing to say before the result: the motion is not open,
 * voting is over or already decided (show the outcome instead), the tally is secret until close, or the
 * motion has no condition at all (an election that simply counts).
 */
export function plainNeeds(
  motion: Motion,
  tally: Tally,
  unitLabel: (unitId: string, locale: Locale) => string = (id) => id,
): PlainNeeds | undefined {
  if (tally.status !== 'open' || tally.final || tally.decidedEarly || tally.hidden) return undefined;
  const basis = motion.basis;
  const withheld = new Set(tally.withheld ?? []);
  const consent = tally.consent.filter((c) => c.vote !== 'yes').map((c) => c.unitId);
  const blocked = motion.rule.noBlock === true && tally.blocks > 0;
  if (tally.checks.length === 0 && tally.consent.length === 0 && motion.rule.noBlock !== true)
    return undefined;
  const approval: { d: Dimension; needs: number }[] = [];
  const turnout: { d: Dimension; needs: number }[] = [];
  // Against nobody taking part yet, any yes ballot makes the share whole: an amount would mislead.
  let anyYes = false;
  for (const r of tally.checks) {
    if (withheld.has(r.check.dimension)) continue;
    const hint = checkHint(r, tally.totals, motion.allowChange);
    if (hint === null) continue;
    // Out of reach means decided early (returned above); a check on its own may still lag behind.
    if (!hint.reachable) continue;
    if (r.base === 0) {
      anyYes ||= r.check.kind === 'approval';
      continue;
    }
    (r.check.kind === 'participation' ? turnout : approval).push({ d: r.check.dimension, needs: hint.needs });
  }
  const say = (locale: Locale): string[] => {
    const parts: string[] = [];
    if (consent.length > 0)
      parts.push(
        locale === 'zh-CN'
          ? `${list(
              consent.map((u) => unitLabel(u, locale)),
              locale,
            )} 同意`
          : `the consent of ${list(
              consent.map((u) => unitLabel(u, locale)),
              locale,
            )}`,
      );
    if (approval.length > 0) {
      const amounts = list(
        approval.map((x) => plainAmount(x.d, x.needs, basis, locale)),
        locale,
      );
      parts.push(locale === 'zh-CN' ? `${amounts}同意` : `${amounts} in favour`);
    }
    if (anyYes && approval.length === 0)
      parts.push(locale === 'zh-CN' ? '有人投同意票' : 'yes votes from those yet to vote');
    if (turnout.length > 0) {
      const amounts = list(
        turnout.map((x) => plainAmount(x.d, x.needs, basis, locale)),
        locale,
      );
      parts.push(locale === 'zh-CN' ? `${amounts}参与表决` : `${amounts} to take part`);
    }
    return parts;
  };
  const zh = say('zh-CN');
  const en = say('en');
  if (blocked) {
    zh.push('撤回阻止');
    en.push('the block to be withdrawn');
  }
  if (zh.length === 0)
    return {
      kind: 'met',
      text: { 'zh-CN': '目前已满足通过的全部条件', en: 'Every condition to pass is met so far' },
    };
  return {
    kind: 'needs',
    text: { 'zh-CN': `还需 ${zh.join('，以及 ')}`, en: `Still needs ${en.join(', and ')}` },
  };
}
