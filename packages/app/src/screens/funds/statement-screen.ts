import {
  type AccountLine,
  formatMoney,
  householdStatement,
  householdStatementCsv,
  localDateOf,
  type Money,
} from '@linli/core';
import { html, type TemplateResult } from 'lit';
import { saveFile } from '../../api/save-file.js';
import { a4Page } from '../print/a4-page.js';
import { ReplicaScreen } from '../replica-screen.js';
import { ScreenElement } from '../screen-element.js';
import { ALL_RECORDED, fundPaths } from './fund-paths.js';
import { t } from './funds.strings.js';
import { fundStyles } from './funds.styles.js';
import { paperStyles } from './paper.js';

const KIND_KEYS = {
  pledge: 'kindPledge',
  credit: 'kindCredit',
  payment: 'kindPayment',
  refund: 'kindRefund',
} as const;

/**
 * `/c/:community/organizer/funds/:fund/statements/:unit`: a household's statement (对账单) with the
 * fund — share, pledges, payments, refunds and the balance, the core's `householdStatement` — to print
 * on A4 or download as CSV (UTF-8 with BOM, the core's `householdStatementCsv`).
 */
export class StatementScreen extends ReplicaScreen {
  static override styles = [ScreenElement.styles, fundStyles, paperStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    a4Page();
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const gov = this.replica.governance;
    const paths = fundPaths(this.context.params);
    const top = html`<h1 tabindex="-1" class="no-print">${t(l, 'statementTitle')}</h1>
      <p class="no-print"><a href=${paths.fund}>${t(l, 'backToFund')}</a></p>`;
    if (!gov) return html`${top}${this.loadState(t(l, 'loading'))}`;
    const unit = this.context.params.unit ?? '';
    const statement = gov.read((s) =>
      householdStatement(s.community, s.funds, paths.fundId, unit, ALL_RECORDED),
    );
    if (!statement) return html`${top}<p class="alert" role="alert">${t(l, 'notFound')}</p>`;
    const money = (fen: number) => formatMoney(fen as Money, l);
    // The community's today (China Standard Time by default), as the core dates entries.
    const today = localDateOf(new Date());
    const download = () =>
      saveFile(
        new Blob([householdStatementCsv({ ...statement, asOf: today })], {
          type: 'text/csv;charset=utf-8',
        }),
        `${paths.fundId}-${statement.room}-statement.csv`,
      );
    return html`${top}
      <p class="no-print hint">${t(l, 'printHint')}</p>
      <div class="actions no-print">
        <button type="button" @click=${() => window.print()}>${t(l, 'print')}</button>
        <button type="button" id="statement-csv" @click=${download}>${t(l, 'downloadCsv')}</button>
      </div>
      <article class="paper" id="statement" aria-labelledby="statement-h">
        <h2 id="statement-h">对账单 Statement</h2>
        <p>${statement.fundName} · ${statement.room} · ${t(l, 'asOf', { date: today })}</p>
        <div class="table-region" role="region" tabindex="0" aria-labelledby="statement-h">
          <table id="statement-lines">
            <thead><tr><th>${t(l, 'date')}</th><th>${t(l, 'item')}</th><th class="num">${t(l, 'amount')}</th>
              <th>${t(l, 'receiptNo')}</th></tr></thead>
            <tbody>${statement.lines.map((line) => this.renderLine(line))}</tbody>
          </table>
        </div>
        <dl id="statement-totals">
          <dt>${t(l, 'share')}</dt><dd>${money(statement.share)}</dd>
          <dt>${t(l, 'paid')}</dt><dd>${money(statement.paid)}</dd>
          <dt>${t(l, 'refunded')}</dt><dd>${money(statement.refunded)}</dd>
          <dt>${t(l, 'balanceOwed')}</dt><dd id="statement-balance">${money(statement.balance)}</dd>
        </dl>
      </article>`;
  }

  private renderLine(line: AccountLine): TemplateResult {
    const l = this.locale;
    const key = KIND_KEYS[line.kind as keyof typeof KIND_KEYS];
    const item = `${key ? t(l, key) : line.kind}${line.method ? ` · ${t(l, line.method)}` : ''}${
      line.reverses === undefined ? '' : ` · ${t(l, 'reversal', { note: line.note ?? '' })}`
    }`;
    return html`<tr class=${line.reversed ? 'reversed' : ''}><td>${line.date}</td><td>${item}</td>
      <td class="num">${formatMoney(line.amount as Money, l)}</td><td>${line.receiptNo ?? ''}</td></tr>`;
  }
}
