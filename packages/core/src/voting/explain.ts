import type { Locale } from '../i18n/locale.js';
import { type Area, formatArea } from '../numbers/area.js';
import type { CheckResult } from './evaluate.js';
import { type CheckHint, checkHint } from './hints.js';
import type { Basis, Motion, Outcome } from './motion.js';
import type { Check, Dimension } from './rules.js';
import type { Tally } from './tally.js';

/** Text in every locale. */
export type Bilingual = Readonly<Record<Locale, string>>;

/** One line of an explanation. */
export interface ExplanationLine {
  readonly kind: 'check' | 'consent' | 'block' | 'secret' | 'outcome';
  /** For checks, consent and blocks: whether this condition holds now. */
  readonly met?: boolean;
  readonly text: Bilingual;
}

/** A plain-language account of a tally: one line per condition, and a one-sentence summary. */
export interface Explanation {
  readonly lines: readonly ExplanationLine[];
  /** E.g. "needs 2 more owners and 140.00 m² in favour". */
  readonly summary: Bilingual;
}

const people: Record<Basis, { 'zh-CN': string; en: string; one: string; zhUnit: string }> = {
  owners: { 'zh-CN': '业主', en: 'owners', one: 'owner', zhUnit: '位' },
  households: { 'zh-CN': '户', en: 'households', one: 'household', zhUnit: '户' },
  residents: { 'zh-CN': '居民', en: 'residents', one: 'resident', zhUnit: '位' },
};

/** An amount of a dimension in natural units: "14 位" / "14 owners", "1,035.00 m²", "3 weight". */
function amount(d: Dimension, value: number, basis: Basis, locale: Locale): string {
  if (d === 'area') return formatArea(value as Area, locale);
  if (d === 'custom') return locale === 'zh-CN' ? `权重 ${value}` : `${value} weight`;
  const p = people[basis];
  return locale === 'zh-CN' ? `${value} ${p.zhUnit}` : `${value} ${value === 1 ? p.one : p.en}`;
}

function thresholdText(r: CheckResult, locale: Locale): string {
  const { numerator: n, denominator: d } = r.check.threshold;
  const f = d === 1 ? String(n) : `${n}/${d}`;
  if (locale === 'zh-CN') return r.check.comparison === 'inclusive' ? `${f} 以上（≥）` : `超过 ${f}（>）`;
  return r.check.comparison === 'inclusive' ? `at least ${f}` : `more than ${f}`;
}

function dimensionWord(d: Dimension, basis: Basis, locale: Locale): string {
  if (d === 'area') return locale === 'zh-CN' ? '专有面积' : 'area';
  if (d === 'custom') return locale === 'zh-CN' ? '权重' : 'weight';
  return people[basis][locale];
}

/** A check measured against nobody: no share exists, so it is unmet whatever it needs. */
function emptyBaseLine(r: CheckResult, basis: Basis, final: boolean): Bilingual {
  const d = r.check.dimension;
  const wordZh = dimensionWord(d, basis, 'zh-CN');
  const wordEn = dimensionWord(d, basis, 'en');
  if (r.check.kind === 'participation' || r.check.base === 'eligible') {
    const what = r.check.kind === 'participation' ? ['参与表决', 'Taking part'] : ['同意', 'In favour'];
    return {
      'zh-CN': `${what[0]}（${wordZh}）：无人有表决权 —— 未达到`,
      en: `${what[1]} (${wordEn}): nobody is eligible — not met`,
    };
  }
  return {
    'zh-CN': `同意（${wordZh}）：${final ? '无人参与表决' : '尚无人参与表决'}；需参与者的 ${thresholdText(r, 'zh-CN')} —— 未达到`,
    en: `In favour (${wordEn}): ${final ? 'nobody took part' : 'nobody is taking part yet'}; needs ${thresholdText(r, 'en')} of those who do — not met`,
  };
}

/**
 * A check on a dimension a secret motion withholds (its exact totals could name a voter): what it
 * needs and whether it is met, no amount.
 */
function withheldLine(r: CheckResult, basis: Basis): ExplanationLine {
  const d = r.check.dimension;
  const what =
    r.check.kind === 'participation'
      ? { zh: '参与表决', en: 'Taking part', of: { zh: '全体', en: 'of all' } }
      : r.check.base === 'eligible'
        ? { zh: '同意', en: 'In favour', of: { zh: '全体', en: 'of all' } }
        : { zh: '同意', en: 'In favour', of: { zh: '参与者', en: 'of those taking part' } };
  return {
    kind: 'check',
    met: r.met,
    text: {
      'zh-CN': `${what.zh}（${dimensionWord(d, basis, 'zh-CN')}）：需${what.of.zh}的 ${thresholdText(r, 'zh-CN')} —— ${r.met ? '已达到' : '未达到'}（无记名投票，不公布合计）`,
      en: `${what.en} (${dimensionWord(d, basis, 'en')}): needs ${thresholdText(r, 'en')} ${what.of.en} — ${r.met ? 'met' : 'not met'} (secret ballot: totals not published)`,
    },
  };
}

function checkLine(r: CheckResult, basis: Basis, hint: CheckHint | null): ExplanationLine {
  const d = r.check.dimension;
  if (r.base === 0 && !r.met)
    return { kind: 'check', met: false, text: emptyBaseLine(r, basis, hint === null) };
  const zh = (v: number) => amount(d, v, basis, 'zh-CN');
  const en = (v: number) => amount(d, v, basis, 'en');
  const wordZh = dimensionWord(d, basis, 'zh-CN');
  const wordEn = dimensionWord(d, basis, 'en');
  let textZh: string;
  let textEn: string;
  // Counts after "of" read better bare in English ("9 of 11"); areas keep their unit.
  const bare = (v: number) => (d === 'headcount' ? String(v) : en(v));
  if (r.check.kind === 'participation') {
    textZh = `参与表决（${wordZh}）：${zh(r.actual)}，共 ${zh(r.base)}；需 ${thresholdText(r, 'zh-CN')}，即至少 ${zh(r.required)}`;
    textEn = `Taking part (${wordEn}): ${bare(r.actual)} of ${bare(r.base)}; needs ${thresholdText(r, 'en')}, i.e. ${en(r.required)}`;
  } else if (r.check.base === 'eligible') {
    textZh = `同意（${wordZh}）：${zh(r.actual)}，占全体 ${zh(r.base)}；需 ${thresholdText(r, 'zh-CN')}，即至少 ${zh(r.required)}`;
    textEn = `In favour (${wordEn}): ${bare(r.actual)} of all ${bare(r.base)} eligible; needs ${thresholdText(r, 'en')}, i.e. ${en(r.required)}`;
  } else {
    textZh = `同意（${wordZh}）：${zh(r.actual)}，占参与表决的 ${zh(r.base)}；需 ${thresholdText(r, 'zh-CN')}，即至少 ${zh(r.required)}`;
    textEn = `In favour (${wordEn}): ${bare(r.actual)} of the ${bare(r.base)} taking part; needs ${thresholdText(r, 'en')}, i.e. ${en(r.required)}`;
  }
  if (r.met) {
    textZh += ' —— 已达到';
    textEn += ' — met';
  } else {
    textZh += ` —— 还差 ${zh(r.missing)}`;
    textEn += ` — ${en(r.missing)} short`;
    // A way forward is named only while voting is open, and only if the ballots still to come can take it.
    if (hint && r.check.kind === 'approval' && r.check.base === 'participating') {
      if (hint.reachable && hint.newBallots !== null) {
        if (hint.newBallots !== r.missing) {
          textZh += `（或再有 ${zh(hint.newBallots)} 未投票者投同意票）`;
          textEn += ` (or yes ballots from ${en(hint.newBallots)} yet to vote)`;
        }
      } else {
        textZh += '（仅靠新投票已无法达到）';
        textEn += ' (new ballots alone can no longer meet it)';
      }
    }
  }
  return { kind: 'check', met: r.met, text: { 'zh-CN': textZh, en: textEn } };
}

const outcomeWords: Record<Outcome, Bilingual> = {
  passed: { 'zh-CN': '通过', en: 'passed' },
  failed: { 'zh-CN': '未通过', en: 'failed' },
  pending: { 'zh-CN': '尚未确定', en: 'pending' },
  tied: { 'zh-CN': '平票', en: 'tied' },
};

/** What is missing, for a summary: "2 位业主" / "2 more owners", "140.00 m²". */
function shortfallText(d: Dimension, missing: number, basis: Basis, locale: Locale): string {
  if (d !== 'headcount') return amount(d, missing, basis, locale);
  const p = people[basis];
  if (locale === 'en') return `${missing} more ${missing === 1 ? p.one : p.en}`;
  return basis === 'households' ? `${missing} 户` : `${missing} ${p.zhUnit}${p['zh-CN']}`;
}

function joinZh(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join('、')}和 ${parts.at(-1)}`;
}

function joinEn(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * Explains a tally in zh-CN and en: each check with what is required and what is missing in natural
 * units, consent and blocks, and a summary such as "needs 2 more owners and 140.00 m² in favour".
 * `unitLabel` turns unit ids into what residents call them (e.g. "102室").
 */
export function explainTally(
  motion: Motion,
  tally: Tally,
  unitLabel: (unitId: string, locale: Locale) => string = (id) => id,
): Explanation {
  const basis = motion.basis;
  const lines: ExplanationLine[] = [];
  if (tally.hidden) {
    lines.push({
      kind: 'secret',
      text: {
        'zh-CN': '无记名投票：截止前只公布参与情况，不公布结果',
        en: 'Secret ballot: only turnout is shown until voting closes',
      },
    });
  }
  const hints = hintsOf(motion, tally);
  lines.push(
    ...tally.checks.map((r, i) =>
      isWithheld(tally, r) ? withheldLine(r, basis) : checkLine(r, basis, hints[i] ?? null),
    ),
  );
  for (const c of tally.hidden ? [] : tally.consent) {
    const met = c.vote === 'yes';
    const zh = met ? '已同意' : c.vote === null ? '尚未同意' : '未同意';
    const en = met ? 'has agreed' : c.vote === null ? 'has not agreed yet' : 'did not agree';
    lines.push({
      kind: 'consent',
      met,
      text: {
        'zh-CN': `必须同意的 ${unitLabel(c.unitId, 'zh-CN')}：${zh}`,
        en: `${unitLabel(c.unitId, 'en')}, whose consent is required, ${en}`,
      },
    });
  }
  if (motion.rule.noBlock && !tally.hidden) {
    const met = tally.blocks === 0;
    lines.push({
      kind: 'block',
      met,
      text: met
        ? { 'zh-CN': '无人阻止', en: 'Nobody blocks' }
        : {
            'zh-CN': `${tally.blocks} 人阻止`,
            en: `${tally.blocks} ${tally.blocks === 1 ? 'voter blocks' : 'voters block'}`,
          },
    });
  }
  const outcome = outcomeWords[tally.outcome];
  const early = tally.decidedEarly
    ? {
        'zh-CN': `（已提前确定：其余 ${tally.eligibleVoters - tally.votedVoters} 人如何投票都不会改变结果）`,
        en: ` (already certain: no remaining vote can change it)`,
      }
    : { 'zh-CN': '', en: '' };
  lines.push({
    kind: 'outcome',
    text: { 'zh-CN': `结果：${outcome['zh-CN']}${early['zh-CN']}`, en: `Outcome: ${outcome.en}${early.en}` },
  });

  return { lines, summary: summarize(motion, tally, hints, unitLabel) };
}

/** Whether a secret motion withholds this check's dimension (its amounts read 0 in the tally). */
function isWithheld(tally: Tally, r: CheckResult): boolean {
  return tally.withheld?.includes(r.check.dimension) === true;
}

/**
 * Each check's hint while voting is open; none once it is over (nothing can change then), and none on a
 * withheld dimension, whose amounts would give away what withholding hides.
 */
function hintsOf(motion: Motion, tally: Tally): readonly (CheckHint | null)[] {
  const open = tally.status === 'open' && !tally.final;
  return tally.checks.map((r) =>
    open && !isWithheld(tally, r) ? checkHint(r, tally.totals, motion.allowChange) : null,
  );
}

function summarize(
  motion: Motion,
  tally: Tally,
  hints: readonly (CheckHint | null)[],
  unitLabel: (unitId: string, locale: Locale) => string,
): Bilingual {
  const basis = motion.basis;
  if (tally.hidden)
    return { 'zh-CN': '结果将在截止后公布', en: 'The result will be published when voting closes' };
  if (tally.outcome === 'passed' || tally.outcome === 'failed' || tally.outcome === 'tied') {
    if (tally.final || tally.decidedEarly) {
      const w = outcomeWords[tally.outcome];
      return { 'zh-CN': `已${w['zh-CN']}`, en: `The motion ${w.en}` };
    }
  }
  const zh: string[] = [];
  const en: string[] = [];
  const unmet = tally.checks.flatMap((r, i) => {
    const hint = hints[i];
    return hint ? [{ r, hint }] : [];
  });
  const needs = (kind: Check['kind']) => {
    const reachable = unmet.flatMap(({ r, hint }) =>
      r.check.kind === kind && hint.reachable && r.base > 0
        ? [{ d: r.check.dimension, needs: hint.needs }]
        : [],
    );
    return {
      zh: joinZh(reachable.map((x) => shortfallText(x.d, x.needs, basis, 'zh-CN'))),
      en: joinEn(reachable.map((x) => shortfallText(x.d, x.needs, basis, 'en'))),
    };
  };
  const takePart = needs('participation');
  if (takePart.en) {
    zh.push(`还需 ${takePart.zh} 参与表决`);
    en.push(`needs ${takePart.en} to take part`);
  }
  const inFavour = needs('approval');
  if (inFavour.en) {
    zh.push(`还需 ${inFavour.zh} 同意`);
    en.push(`needs ${inFavour.en} in favour`);
  }
  // Against nobody taking part yet, any yes ballot makes the share whole; an amount would mislead.
  if (unmet.some(({ r, hint }) => hint.reachable && r.check.kind === 'approval' && r.base === 0)) {
    zh.push('还需未投票者投同意票');
    en.push('needs yes ballots from those yet to vote');
  }
  for (const kind of ['participation', 'approval'] as const) {
    const lost = [
      ...new Set(
        unmet
          .filter(({ r, hint }) => r.check.kind === kind && !hint.reachable)
          .map(({ r }) => r.check.dimension),
      ),
    ];
    if (lost.length === 0) continue;
    const wordsZh = joinZh(lost.map((d) => dimensionWord(d, basis, 'zh-CN')));
    const wordsEn = joinEn(lost.map((d) => dimensionWord(d, basis, 'en')));
    zh.push(
      kind === 'participation' ? `参与表决的${wordsZh}已无法达到要求` : `同意的${wordsZh}已无法达到要求`,
    );
    en.push(`can no longer get enough ${wordsEn} ${kind === 'participation' ? 'to take part' : 'in favour'}`);
  }
  for (const kind of ['participation', 'approval'] as const) {
    const short = [
      ...new Set(
        tally.checks
          .filter((r) => r.check.kind === kind && !r.met && isWithheld(tally, r))
          .map((r) => r.check.dimension),
      ),
    ];
    if (short.length === 0) continue;
    const wordsZh = joinZh(short.map((d) => dimensionWord(d, basis, 'zh-CN')));
    const wordsEn = joinEn(short.map((d) => dimensionWord(d, basis, 'en')));
    zh.push(kind === 'participation' ? `参与表决的${wordsZh}尚未达到要求` : `同意的${wordsZh}尚未达到要求`);
    en.push(`not enough ${wordsEn} ${kind === 'participation' ? 'taking part' : 'in favour'}`);
  }
  const pendingConsent = tally.consent.filter((c) => c.vote !== 'yes');
  if (pendingConsent.length > 0) {
    zh.push(`还需 ${joinZh(pendingConsent.map((c) => unitLabel(c.unitId, 'zh-CN')))} 同意`);
    en.push(`needs the consent of ${joinEn(pendingConsent.map((c) => unitLabel(c.unitId, 'en')))}`);
  }
  if (tally.blocks > 0 && motion.rule.noBlock) {
    zh.push('有人阻止');
    en.push('someone blocks');
  }
  if (zh.length === 0) return { 'zh-CN': '目前满足全部条件', en: 'All conditions are met so far' };
  return { 'zh-CN': `${zh.join('；')}`, en: `${en.join('; ')}` };
}
