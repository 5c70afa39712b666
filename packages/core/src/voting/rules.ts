import type { Comparison } from '../numbers/fraction.js';

/** What a check weighs: one per voter, exclusive area, or a weight the motion supplies per unit. */
export type Dimension = 'headcount' | 'area' | 'custom';

/** A threshold as an exact fraction of plain integers (JSON-friendly); compared in BigInt. */
export interface Threshold {
  readonly numerator: number;
  readonly denominator: number;
}

/** Enough of the electorate took part: participating weight against **eligible** weight. */
export interface ParticipationCheck {
  readonly kind: 'participation';
  readonly dimension: Dimension;
  readonly threshold: Threshold;
  readonly comparison: Comparison;
}

/** Enough voted in favour: yes weight against **participating** or **eligible** weight. */
export interface ApprovalCheck {
  readonly kind: 'approval';
  readonly dimension: Dimension;
  readonly base: 'participating' | 'eligible';
  readonly threshold: Threshold;
  readonly comparison: Comparison;
}

/** One condition of a decision rule, on one dimension. */
export type Check = ParticipationCheck | ApprovalCheck;

/**
 * A decision rule: every check must hold. Each rule says where it comes from, because cities add their
 * own rules on top of the Civil Code and an outcome is only as good as the rule it was measured by.
 */
export interface DecisionRule {
  readonly id: string;
  readonly name: { readonly 'zh-CN': string; readonly en: string };
  /** Where the rule applies, e.g. `CN` for national law or `community` for a community's own rule. */
  readonly jurisdiction: string;
  /** Which version of the source, e.g. the date a law took effect. */
  readonly version: string;
  /** The article or document the rule implements. */
  readonly source: string;
  readonly checks: readonly Check[];
  /** Consent decision: a single "block" ballot defeats the motion. */
  readonly noBlock?: boolean;
}

const twoThirds: Threshold = { numerator: 2, denominator: 3 };
const threeQuarters: Threshold = { numerator: 3, denominator: 4 };
const half: Threshold = { numerator: 1, denominator: 2 };

/** Art. 278: owners who are at least two thirds of all owners take part (以上: inclusive). */
const twoThirdsOfHeadsTakePart: ParticipationCheck = {
  kind: 'participation',
  dimension: 'headcount',
  threshold: twoThirds,
  comparison: 'inclusive',
};

const art278Participation: readonly Check[] = [
  twoThirdsOfHeadsTakePart,
  { kind: 'participation', dimension: 'area', threshold: twoThirds, comparison: 'inclusive' },
];

/** PRC Civil Code Art. 278: every owners' matter needs ≥ 2/3 participation by owners and by area. */
export const civilCode278 = {
  /** Matters 1–5 and 9: more than half of the participating owners and area approve. */
  ordinary: {
    id: 'civilCode278.ordinary',
    name: { 'zh-CN': '民法典第278条 一般事项', en: 'Civil Code Art. 278, ordinary matters' },
    jurisdiction: 'CN',
    version: '2021-01-01',
    source: '中华人民共和国民法典 第二百七十八条 (PRC Civil Code Art. 278, para. 2)',
    checks: [
      ...art278Participation,
      {
        kind: 'approval',
        dimension: 'headcount',
        base: 'participating',
        threshold: half,
        comparison: 'strict',
      },
      { kind: 'approval', dimension: 'area', base: 'participating', threshold: half, comparison: 'strict' },
    ],
  },
  /** Matters 6–8 (raising or using the maintenance fund, rebuilding — adding an elevator —, changing use): ≥ 3/4 approve. */
  major: {
    id: 'civilCode278.major',
    name: { 'zh-CN': '民法典第278条 重大事项（第六至八项）', en: 'Civil Code Art. 278, major matters (6–8)' },
    jurisdiction: 'CN',
    version: '2021-01-01',
    source: '中华人民共和国民法典 第二百七十八条 (PRC Civil Code Art. 278, para. 2)',
    checks: [
      ...art278Participation,
      {
        kind: 'approval',
        dimension: 'headcount',
        base: 'participating',
        threshold: threeQuarters,
        comparison: 'inclusive',
      },
      {
        kind: 'approval',
        dimension: 'area',
        base: 'participating',
        threshold: threeQuarters,
        comparison: 'inclusive',
      },
    ],
  },
  /**
   * Participation only, for score and ranked votes on owners' matters: the two thirds of owners and of
   * area must take part, and the counting method picks the winner (those counts have no "in favour"
   * total for an approval threshold to measure).
   */
  participation: {
    id: 'civilCode278.participation',
    name: {
      'zh-CN': '民法典第278条 双三分之二参与（由计票方法决出结果）',
      en: 'Civil Code Art. 278 participation of two thirds by owners and area; the count picks the winner',
    },
    jurisdiction: 'CN',
    version: '2021-01-01',
    source:
      '中华人民共和国民法典 第二百七十八条第二款 参与表决门槛 (PRC Civil Code Art. 278, para. 2, participation)',
    checks: art278Participation,
  },
} as const satisfies Record<string, DecisionRule>;

const selfGovernance = { jurisdiction: 'community', version: '1' } as const;

/** Every built-in rule by id. Users define their own by writing a {@link DecisionRule}. */
export const rulePresets = {
  'civilCode278.ordinary': civilCode278.ordinary,
  'civilCode278.major': civilCode278.major,
  'civilCode278.participation': civilCode278.participation,
  /**
   * Participation only, by heads, at the Art. 278 two thirds: for score and ranked votes where there is
   * no area to weigh (households, residents), e.g. a design consultation or a building head's election.
   */
  twoThirdsTurnout: {
    id: 'twoThirdsTurnout',
    name: {
      'zh-CN': '三分之二参与（按人数，由计票方法决出结果）',
      en: 'Two-thirds turnout by heads; the count picks the winner',
    },
    ...selfGovernance,
    source:
      'Residents’ self-governance: the community’s own rule, at the Civil Code Art. 278 participation share',
    checks: [twoThirdsOfHeadsTakePart],
  },
  simpleMajority: {
    id: 'simpleMajority',
    name: { 'zh-CN': '简单多数（参与者过半数同意）', en: 'Simple majority of participants' },
    ...selfGovernance,
    source: 'Residents’ self-governance: the community’s own rule',
    checks: [
      {
        kind: 'approval',
        dimension: 'headcount',
        base: 'participating',
        threshold: half,
        comparison: 'strict',
      },
    ],
  },
  twoThirds: {
    id: 'twoThirds',
    name: { 'zh-CN': '三分之二多数', en: 'Two-thirds majority of participants' },
    ...selfGovernance,
    source: 'Residents’ self-governance: the community’s own rule',
    checks: [
      {
        kind: 'approval',
        dimension: 'headcount',
        base: 'participating',
        threshold: twoThirds,
        comparison: 'inclusive',
      },
    ],
  },
  unanimity: {
    id: 'unanimity',
    name: { 'zh-CN': '全体一致同意', en: 'Unanimity of everyone eligible' },
    ...selfGovernance,
    source: 'Residents’ self-governance: the community’s own rule',
    checks: [
      {
        kind: 'approval',
        dimension: 'headcount',
        base: 'eligible',
        threshold: { numerator: 1, denominator: 1 },
        comparison: 'inclusive',
      },
    ],
  },
  consent: {
    id: 'consent',
    name: { 'zh-CN': '协商一致（无人反对即通过）', en: 'Consent: passes unless someone blocks' },
    ...selfGovernance,
    source: 'Sociocratic consent decision-making',
    checks: [
      {
        kind: 'participation',
        dimension: 'headcount',
        threshold: { numerator: 0, denominator: 1 },
        comparison: 'strict',
      },
    ],
    noBlock: true,
  },
} as const satisfies Record<string, DecisionRule>;

/** The id of a built-in rule. */
export type RulePresetId = keyof typeof rulePresets;
