import {
  type Area,
  type Ballot,
  ballotChoiceText,
  type CheckResult,
  formatArea,
  type Governance,
  type Locale,
  type Motion,
  type ReadModels,
  type Tally,
} from '@linli/core';
import { html, nothing, type TemplateResult } from 'lit';
import { t } from './result-notice.strings.js';

/** What residents call a unit: its room number, or its id when the data has no label for it. */
export function roomOf(gov: ReadModels, unitId: string): string {
  return gov.unit(unitId)?.room ?? unitId;
}

/** Building and stairwell names, where the data has them (a live governance; a published view has none). */
function placeNames(gov: ReadModels): ReadonlyMap<string, string> {
  const community = (gov as Partial<Pick<Governance, 'community'>>).community?.value;
  return new Map(
    [...(community?.buildings ?? []), ...(community?.stairwells ?? [])].map((p) => [p.id, p.name]),
  );
}

/**
 * Who votes, in words: the whole community, a building or stairwell by name, or the listed rooms. Where
 * the data names no building (a published view), the roll's rooms are listed instead of an id.
 */
export function scopeText(gov: ReadModels, m: Motion, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const names = placeNames(gov);
  const rooms = (ids: readonly string[]) =>
    ids
      .map((id) => roomOf(gov, id))
      .sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }))
      .join(zh ? '、' : ', ');
  const rollRooms = () => rooms(m.electorate.flatMap((v) => v.unitIds));
  switch (m.scope.kind) {
    case 'community':
      return zh ? '全小区' : 'The whole community';
    case 'building': {
      const name = names.get(m.scope.id);
      return name ?? rollRooms();
    }
    case 'stairwell': {
      const name = names.get(m.scope.id);
      const building = names.get(gov.stairwellBuilding(m.scope.id) ?? '');
      return name ? [building, name].filter(Boolean).join(' ') : rollRooms();
    }
    case 'units':
      return rooms(m.scope.ids);
  }
}

/** A weight of a check's dimension: a count as is, area as m² with two decimals. */
function amount(r: CheckResult, value: number, locale: Locale): string {
  return r.check.dimension === 'area' ? formatArea(value as Area, locale) : String(value);
}

/** A check's threshold as its exact fraction with the comparison: "≥ 2/3", "> 1/2". */
function thresholdText(r: CheckResult): string {
  const { numerator: n, denominator: d } = r.check.threshold;
  return `${r.check.comparison === 'inclusive' ? '≥' : '>'} ${d === 1 ? String(n) : `${n}/${d}`}`;
}

/**
 * One row per check, every figure the core's: counted of base, the exact threshold, the least that
 * meets it, and the margin (counted − needed, signed). A secret motion's withheld dimension shows only
 * met / not met.
 */
export function renderChecks(m: Motion, tally: Tally, locale: Locale): TemplateResult {
  return html`<table part="checks">
    <caption>${t(locale, 'checks')}</caption>
    <thead><tr>
      <th scope="col">${t(locale, 'checkCondition')}</th><th scope="col">${t(locale, 'checkActual')}</th>
      <th scope="col">${t(locale, 'checkRequired')}</th><th scope="col">${t(locale, 'checkMargin')}</th>
      <th scope="col">${t(locale, 'checkMet')}</th>
    </tr></thead>
    <tbody>${tally.checks.map((r) => {
      const hidden = tally.withheld?.includes(r.check.dimension) ?? false;
      const margin = r.actual - r.required;
      const marginText = `${margin >= 0 ? '+' : '−'}${amount(r, Math.abs(margin), locale)}`;
      return html`<tr data-met=${r.met ? 'yes' : 'no'}>
        <th scope="row">${conditionText(m, r, locale)} <span class="figure">${thresholdText(r)}</span></th>
        <td class="figure">${hidden ? t(locale, 'withheld') : `${amount(r, r.actual, locale)} / ${amount(r, r.base, locale)}`}</td>
        <td class="figure">${hidden ? t(locale, 'withheld') : amount(r, r.required, locale)}</td>
        <td class="figure">${hidden ? t(locale, 'withheld') : marginText}</td>
        <td>${t(locale, r.met ? 'met' : 'notMet')}</td>
      </tr>`;
    })}</tbody>
  </table>`;
}

/** What a check measures, in words: "参与表决（人数）", "In favour of those taking part (area)". */
function conditionText(m: Motion, r: CheckResult, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const dim = r.check.dimension;
  const unit =
    dim === 'area'
      ? zh
        ? '面积'
        : 'area'
      : dim === 'custom'
        ? zh
          ? '权重'
          : 'weight'
        : zh
          ? '人数'
          : 'heads';
  const what =
    r.check.kind === 'participation'
      ? zh
        ? '参与表决'
        : 'Taking part'
      : r.check.base === 'eligible'
        ? zh
          ? '同意，占全体'
          : 'In favour, of all'
        : zh
          ? '同意，占参与者'
          : 'In favour, of those taking part';
  return zh ? `${what}（${unit}）` : `${what} (${unit}, ${m.basis})`;
}

/** Totals per answer; a withheld area is left out, never shown as 0. */
export function renderOptions(tally: Tally, locale: Locale): TemplateResult {
  const areaShown = !(tally.withheld?.includes('area') ?? false);
  return html`<table part="options">
    <caption>${t(locale, 'results')}</caption>
    <thead><tr><th scope="col">${t(locale, 'answer')}</th><th scope="col">${t(locale, 'votes')}</th>
      ${areaShown ? html`<th scope="col">${t(locale, 'area')}</th>` : nothing}</tr></thead>
    <tbody>${tally.options.map(
      (o) => html`<tr><th scope="row">${answerLabel(o.id, o.label, locale)}</th><td>${o.votes}</td>
        ${areaShown ? html`<td>${formatArea(o.area as Area, locale)}</td>` : nothing}</tr>`,
    )}</tbody>
  </table>`;
}

const answerWords: Record<string, Record<Locale, string>> = {
  yes: { 'zh-CN': '同意', en: 'Yes' },
  no: { 'zh-CN': '反对', en: 'No' },
  abstain: { 'zh-CN': '弃权', en: 'Abstain' },
  block: { 'zh-CN': '否决', en: 'Block' },
};

function answerLabel(id: string, label: string, locale: Locale): string {
  return answerWords[id]?.[locale] ?? label;
}

const channelKey = {
  direct: 'channelDirect',
  proxy: 'channelProxy',
  paper: 'channelPaper',
  withheld: 'channelWithheld',
} as const;

/**
 * How a ballot reached the count, as the roll prints it. A paper signed by a proxy holder says so; the
 * holder's name is not printed (they may be no resident; the signed 委托书 is on file for anyone checking).
 */
function howKey(ballot: Ballot) {
  return ballot.channel === 'paper' && ballot.proxyId !== undefined
    ? 'channelPaperProxy'
    : channelKey[ballot.channel];
}

/**
 * The roll by room, which a public motion's 公示 must carry: every voter on the frozen roll, what
 * they voted and how the ballot came in, or that they did not vote. Never called for a secret motion.
 */
export function renderRoll(gov: ReadModels, m: Motion, locale: Locale): TemplateResult {
  const ballots = new Map<string, Ballot>(gov.ballots(m.id).map((b) => [b.voterId, b]));
  const rows = m.electorate
    .map((v) => ({ room: v.unitIds.map((u) => roomOf(gov, u)).join(' '), ballot: ballots.get(v.id) }))
    .sort((a, b) => a.room.localeCompare(b.room, 'zh-CN', { numeric: true }));
  return html`<table part="roll">
    <caption>${t(locale, 'roll')}</caption>
    <thead><tr><th scope="col">${t(locale, 'room')}</th><th scope="col">${t(locale, 'choice')}</th>
      <th scope="col">${t(locale, 'how')}</th></tr></thead>
    <tbody>${rows.map(
      (r) => html`<tr><th scope="row">${r.room}</th>
        <td>${r.ballot ? ballotChoiceText(m, r.ballot.choice, locale) : t(locale, 'notVoted')}</td>
        <td>${r.ballot ? t(locale, howKey(r.ballot)) : ''}</td></tr>`,
    )}</tbody>
  </table>`;
}
