import { amountInChineseCapitals, formatMoney, type Money, paymentReceipt } from '@linli/core';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { nameOf, type OrganizerPerson, organizersOf } from '../../api/organizers.js';
import { a4Page } from '../print/a4-page.js';
import { ReplicaScreen } from '../replica-screen.js';
import { ScreenElement } from '../screen-element.js';
import { fundPaths } from './fund-paths.js';
import { t } from './funds.strings.js';
import { fundStyles } from './funds.styles.js';
import { paperStyles } from './paper.js';

/**
 * `/c/:community/organizer/funds/:fund/receipts/:entry`: the printable receipt (收据) of one payment —
 * community, fund, room and payer, the amount in figures and in capitals (大写, the core's), method,
 * reference, receipt number, date, the organizer who recorded it and the log head it was printed at.
 */
export class ReceiptScreen extends ReplicaScreen {
  static override properties: PropertyDeclarations = { ...ScreenElement.properties, people: { state: true } };
  static override styles = [ScreenElement.styles, fundStyles, paperStyles];

  declare people: readonly OrganizerPerson[];

  constructor() {
    super();
    this.people = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    a4Page();
    void organizersOf(this.context.api, this.community).then((people) => {
      this.people = people;
    });
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const gov = this.replica.governance;
    const paths = fundPaths(this.context.params);
    const top = html`<h1 tabindex="-1" class="no-print">${t(l, 'receiptTitle')}</h1>
      <p class="no-print"><a href=${paths.fund}>${t(l, 'backToFund')}</a></p>`;
    if (!gov) return html`${top}${this.loadState(t(l, 'loading'))}`;
    const entry = this.context.params.entry ?? '';
    const receipt = gov.read((s) => paymentReceipt(s.community, s.funds, paths.fundId, entry));
    if (!receipt) return html`${top}<p class="alert" role="alert">${t(l, 'noReceipt')}</p>`;
    const p = receipt.payment;
    const community = gov.read((s) => s.community.community?.name ?? '');
    const head = gov.head.value;
    const by = p.recordedBy === undefined ? '' : (nameOf(p.recordedBy, this.people) ?? p.recordedBy);
    const row = (label: string, value: string, id = '') =>
      html`<dt>${label}</dt><dd id=${id || nothing}>${value}</dd>`;
    return html`${top}
      <p class="no-print hint">${t(l, 'printHint')}</p>
      <p class="no-print"><button type="button" @click=${() => window.print()}>${t(l, 'print')}</button></p>
      <article class="paper" id="receipt" aria-labelledby="receipt-h">
        <h2 id="receipt-h">收据 Receipt</h2>
        ${p.reversed ? html`<p class="alert" role="alert">${t(l, 'receiptVoid')}</p>` : ''}
        <dl>
          ${row(t(l, 'receiptNo'), p.receiptNo ?? '', 'receipt-no')}
          ${row(t(l, 'date'), p.date)}
          ${row(t(l, 'community'), community)}
          ${row(t(l, 'fund'), receipt.fundName)}
          ${row(t(l, 'room'), p.room)}
          ${row(t(l, 'payer'), receipt.payers.join('、'))}
          ${row(t(l, 'amountFigures'), formatMoney(p.amount as Money, l), 'receipt-amount')}
          ${row(t(l, 'amountWords'), `人民币${amountInChineseCapitals(p.amount)}`, 'receipt-words')}
          ${row(t(l, 'method'), p.method ? t(l, p.method) : '')}
          ${row(t(l, 'referenceShort'), p.reference ?? '')}
          ${row(t(l, 'recordedBy'), by)}
        </dl>
        <p class="hash">${t(l, 'logHead')}: #${head.seq} ${head.hash}</p>
      </article>`;
  }
}
