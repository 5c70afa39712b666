import {
  type Area,
  formatArea,
  type Locale,
  type Motion,
  type ReadModels,
  ruleSource,
  type Tally,
} from '@linli/core';
import { type CSSResultGroup, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { baseStyles, controlStyles } from '../../internal/base-styles.js';
import { LinliElement } from '../../internal/linli-element.js';
import { ensureA4PageRule, printStyles } from '../../internal/print-styles.js';
import { qrCode } from '../../internal/qr-code.js';
import { renderChecks, renderOptions, renderRoll, roomOf, scopeText } from './notice-sections.js';
import { t } from './result-notice.strings.js';
import { noticeStyles } from './result-notice.styles.js';

const outcomeKey = {
  passed: 'outcomePassed',
  failed: 'outcomeFailed',
  pending: 'outcomePending',
  tied: 'outcomeTied',
} as const;

/**
 * @tagname linli-result-notice
 * @summary The 公示 of one motion for the notice board, on screen and on A4 paper: rule and legal
 * source, scope, electorate by heads and area, turnout, each check with its exact threshold and
 * margin, the outcome, the closing time, the log head hash and a QR code to the public result page.
 * A public motion adds the roll by room; a secret one shows totals only. While the motion is open the
 * notice says it is provisional.
 *
 * @csspart notice - The whole notice.
 * @csspart provisional - The "still open" warning.
 * @csspart checks - The table of conditions.
 * @csspart options - The totals per answer.
 * @csspart roll - Who voted how, by room (public motions).
 * @csspart qr - The QR code.
 * @csspart hash - The log head hash.
 * @csspart print - The print button (hidden on paper).
 *
 * @cssproperty --linli-font-scale - Multiplier for every size (large-text mode).
 */
export class LinliResultNotice extends LinliElement {
  static override styles: CSSResultGroup = [baseStyles, controlStyles, noticeStyles, printStyles];

  static override properties: PropertyDeclarations = {
    ...LinliElement.properties,
    motion: { type: String },
    resultUrl: { type: String, attribute: 'result-url' },
    printButton: { type: Boolean, attribute: 'print-button' },
  };

  /** The motion id. */
  declare motion: string;
  /** The public result page the QR code links to; no QR code when empty. */
  declare resultUrl: string;
  /** Show a "Print / save as PDF" button (never printed). */
  declare printButton: boolean;

  constructor() {
    super();
    this.motion = '';
    this.resultUrl = '';
    this.printButton = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ensureA4PageRule();
  }

  protected override renderWith(gov: ReadModels, locale: Locale): TemplateResult {
    const m = gov.motions.value.find((x) => x.id === this.motion);
    if (!m) return html`<p role="status">${t(locale, 'unknownMotion')}</p>`;
    const tally = gov.tally(m.id);
    if (!tally || m.status === 'draft') return html`<p role="status">${t(locale, 'notOpened')}</p>`;
    const provisional = m.status !== 'closed';
    return html`<article part="notice" aria-labelledby="heading">
      <h1 id="heading">${t(locale, 'heading')}</h1>
      <h2>${m.title}</h2>
      ${provisional ? html`<p part="provisional" role="note">${t(locale, 'provisional')}</p>` : nothing}
      ${this.renderFacts(gov, m, tally, locale)} ${renderChecks(m, tally, locale)}
      ${renderOptions(tally, locale)}
      ${this.renderWinners(m, tally, locale)}
      ${m.secrecy === 'public' ? renderRoll(gov, m, locale) : html`<p>${t(locale, 'secretRoll')}</p>`}
      ${this.renderFooter(gov, locale)}
      ${this.printButton ? html`<button part="print" @click=${() => window.print()}>${t(locale, 'print')}</button>` : nothing}
    </article>`;
  }

  private renderFacts(gov: ReadModels, m: Motion, tally: Tally, locale: Locale): TemplateResult {
    const area = (v: number) => formatArea(v as Area, locale);
    const areaHidden = tally.withheld?.includes('area') ?? false;
    return html`<dl part="facts">
      <dt>${t(locale, 'rule')}</dt><dd>${m.rule.name[locale]}<br />${ruleSource(m.rule, locale)}</dd>
      <dt>${t(locale, 'scope')}</dt><dd>${scopeText(gov, m, locale)}</dd>
      <dt>${t(locale, 'electorate')}</dt>
      <dd>${t(locale, 'electorateValue', { heads: tally.totals.headcount.eligible, area: area(tally.totals.area.eligible) })}</dd>
      <dt>${t(locale, 'turnout')}</dt>
      <dd>${
        areaHidden
          ? html`${tally.votedVoters} / ${tally.eligibleVoters} ${t(locale, 'areaWithheld')}`
          : t(locale, 'turnoutValue', {
              voted: tally.votedVoters,
              eligible: tally.eligibleVoters,
              area: area(tally.totals.area.participating),
            })
      }</dd>
      <dt>${t(locale, 'outcome')}</dt><dd part="outcome"><strong>${t(locale, outcomeKey[tally.outcome])}</strong></dd>
      ${closingTime(m, locale)}
      ${
        m.mustConsent.length > 0
          ? html`<dt>${locale === 'zh-CN' ? '须同意的房号' : 'Must consent'}</dt>
        <dd>${m.mustConsent.map((u) => roomOf(gov, u)).join(' ')}</dd>`
          : nothing
      }
    </dl>`;
  }

  private renderWinners(m: Motion, tally: Tally, locale: Locale): TemplateResult | typeof nothing {
    if (m.kind === 'proposal' || tally.winners.length === 0) return nothing;
    const label = (id: string) => m.options.find((o) => o.id === id)?.label ?? id;
    return html`<p part="winners">${t(locale, 'winners')}：${tally.winners.map(label).join(' > ')}</p>
      ${tally.lottery ? html`<p part="lottery">${t(locale, 'lottery', { seed: tally.seed.slice(0, 16) })}</p>` : nothing}`;
  }

  private renderFooter(gov: ReadModels, locale: Locale): TemplateResult {
    const head = gov.head.value;
    return html`<footer>
      <p part="hash">${t(locale, 'logHead', { seq: head.seq })} <code>${head.hash}</code></p>
      ${
        this.resultUrl
          ? html`<p class="qr">${qrCode(this.resultUrl, t(locale, 'qrLabel', { url: this.resultUrl }))}
              <span>${t(locale, 'scanToCheck')}<span class="url">${this.resultUrl}</span></span></p>`
          : nothing
      }
    </footer>`;
  }
}

/**
 * When voting ended: the logged close instant (`closedAt`) once closed, with the scheduled time beside
 * it when the organizer closed early; the scheduled `closesAt` while open (or in a state folded
 * without event times).
 */
function closingTime(m: Motion, locale: Locale): TemplateResult {
  if (m.closedAt === undefined)
    return html`<dt>${t(locale, 'closesAt')}</dt>
      <dd part="closed-at">${formatInstant(m.closesAt, locale)}${m.closedEarly ? t(locale, 'closedEarly') : ''}</dd>`;
  const scheduled = formatInstant(m.closesAt, locale);
  return html`<dt>${t(locale, 'closedAt')}</dt>
    <dd part="closed-at">${formatInstant(m.closedAt, locale)}${m.closedEarly ? t(locale, 'closedEarlyOf', { scheduled }) : ''}</dd>`;
}

/** An instant as people in the community read it: Beijing time, to the minute. */
function formatInstant(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso));
}
