import { ballotNumber, type Locale, type ReadModels } from '@linli/core';
import { type CSSResultGroup, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { baseStyles } from '../../internal/base-styles.js';
import { LinliElement } from '../../internal/linli-element.js';
import { ensureA4PageRule, printStyles } from '../../internal/print-styles.js';
import { instructions, renderChoices } from './ballot-choices.js';
import { t } from './ballot-form.strings.js';
import { ballotFormStyles } from './ballot-form.styles.js';

/**
 * @tagname linli-ballot-form
 * @summary One household's printed paper ballot (书面表决票) on an A4 page: community, room, the
 * motion's title and text, answer boxes laid out for its kind, instructions, a signature and date
 * line, and the ballot number (`ballotNumber` in @linli/core) that the organizer types as the paper
 * reference when entering it. Several forms on a page each print on their own sheet.
 *
 * @csspart form - The whole form (one A4 page).
 * @csspart number - The ballot number.
 * @csspart choices - The answer boxes.
 * @csspart signature - The signature and date lines.
 */
export class LinliBallotForm extends LinliElement {
  static override styles: CSSResultGroup = [baseStyles, ballotFormStyles, printStyles];

  static override properties: PropertyDeclarations = {
    ...LinliElement.properties,
    motion: { type: String },
    voter: { type: String },
    communityName: { type: String, attribute: 'community-name' },
  };

  /** The motion id. */
  declare motion: string;
  /** The voter on the motion's roll (a household's unit id, an owner head key or a resident id). */
  declare voter: string;
  /** The community's name as printed at the top. */
  declare communityName: string;

  constructor() {
    super();
    this.motion = '';
    this.voter = '';
    this.communityName = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ensureA4PageRule();
  }

  protected override renderWith(gov: ReadModels, locale: Locale): TemplateResult {
    const m = gov.motions.value.find((x) => x.id === this.motion);
    if (!m) return html`<p role="status">${t(locale, 'unknownMotion')}</p>`;
    if (m.status === 'draft') return html`<p role="status">${t(locale, 'notOpened')}</p>`;
    const voter = m.electorate.find((v) => v.id === this.voter);
    if (!voter) return html`<p role="status">${t(locale, 'notOnRoll')}</p>`;
    const rooms = voter.unitIds.map((u) => gov.unit(u)?.room ?? u).join(' ');
    const colon = locale === 'zh-CN' ? '：' : ': ';
    return html`<article part="form" aria-labelledby="heading">
      <header>
        <h1 id="heading">${t(locale, 'heading')}</h1>
        <dl>
          ${this.communityName ? html`<dt>${t(locale, 'community')}</dt><dd>${this.communityName}</dd>` : nothing}
          <dt>${t(locale, 'room')}</dt><dd class="room">${rooms}</dd>
          <dt>${t(locale, 'number')}</dt><dd part="number" class="number">${ballotNumber(m.id, voter.id)}</dd>
          <dt>${t(locale, 'closes')}</dt><dd>${formatInstant(m.closesAt, locale)}</dd>
        </dl>
      </header>
      <h2>${m.title}</h2>
      ${m.body ? html`<p class="body">${m.body}</p>` : nothing}
      <section part="choices" aria-labelledby="choices">
        <h3 id="choices">${t(locale, 'choices')}</h3>
        <p class="instructions">${instructions(m, locale)}</p>
        ${renderChoices(m, locale)}
      </section>
      <p class="return">
        ${t(locale, 'returnNote')} ${t(locale, m.allowChange ? 'lastCounts' : 'onceOnly')}
      </p>
      <p part="signature" class="signature">
        <span>${t(locale, 'signature')}${colon}<span class="line"></span></span>
        <span>${t(locale, 'date')}${colon}<span class="line short"></span></span>
      </p>
    </article>`;
  }
}

/** An instant as people in the community read it: Beijing time, to the minute. */
function formatInstant(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso));
}
