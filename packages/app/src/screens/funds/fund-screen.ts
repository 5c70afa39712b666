import {
  type AccountLine,
  type FundView,
  formatMoney,
  fundPayments,
  fundView,
  type LinliError,
  type Money,
} from '@linli/core';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { saveFile } from '../../api/save-file.js';
import { ReplicaScreen } from '../replica-screen.js';
import { ScreenElement } from '../screen-element.js';
import { ALL_RECORDED, fundPaths } from './fund-paths.js';
import { t } from './funds.strings.js';
import { fundStyles } from './funds.styles.js';
import './payment-form.js';

/** Rows in the order of the doors (101, 102, 201 …), as the organizer walks the building. */
const byRoom = <R extends { readonly room: string }>(rows: readonly R[]): R[] =>
  [...rows].sort((a, b) => a.room.localeCompare(b.room, 'zh-CN', { numeric: true }));

/**
 * `/c/:community/organizer/funds/:fund`: each household's share, paid and owed (the core's fund view),
 * the payment form (room → amount → method → reference → receipt number → Enter), the payments with
 * their receipts, and reversing one behind a confirmation; links to the books, arrears and 公示 pages
 * and the ledger downloads.
 */
export class FundScreen extends ReplicaScreen {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    reversing: { state: true },
    error: { state: true },
    done: { state: true },
    busy: { state: true },
  };
  static override styles = [ScreenElement.styles, fundStyles];

  declare reversing: AccountLine | undefined;
  declare error: { readonly key: string; readonly error: LinliError } | undefined;
  declare done: string | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.reversing = undefined;
    this.error = undefined;
    this.done = undefined;
    this.busy = false;
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const gov = this.replica.governance;
    const paths = fundPaths(this.context.params);
    const back = html`<p><a href=${paths.funds}>${t(l, 'back')}</a></p>`;
    if (!gov)
      return html`<h1 tabindex="-1">${t(l, 'fundsTitle')}</h1>${back}${this.loadState(t(l, 'loading'))}`;
    const view = gov.read((s) => fundView(s.community, s.funds, paths.fundId, ALL_RECORDED));
    const payments = gov.read((s) => fundPayments(s.community, s.funds, paths.fundId));
    if (!view || !payments)
      return html`<h1 tabindex="-1">${t(l, 'fundsTitle')}</h1>${back}<p class="alert" role="alert">${t(l, 'notFound')}</p>`;
    return html`<h1 tabindex="-1">${view.name}</h1>${back}
      ${this.renderFigures(view)}
      <section class="card" aria-labelledby="pay-h">
        <h2 id="pay-h">${t(l, 'recordPayment')}</h2>
        <linli-payment-form .context=${this.context} .governance=${gov} fund=${paths.fundId}
          next-receipt=${payments.nextReceiptNo}></linli-payment-form>
      </section>
      ${this.renderPayments(payments.lines)}
      ${this.renderHouseholds(view)}
      ${this.renderLinks()}`;
  }

  private money(fen: number): string {
    return formatMoney(fen as Money, this.locale);
  }

  private renderFigures(view: FundView): TemplateResult {
    const l = this.locale;
    return html`<dl class="figures" id="figures">
      <div><dt>${t(l, 'budget')}</dt><dd>${this.money(view.budget)}</dd></div>
      <div><dt>${t(l, 'pledged')}</dt><dd>${this.money(view.totals.share)}</dd></div>
      <div><dt>${t(l, 'paid')}</dt><dd>${this.money(view.totals.paid)}</dd></div>
      <div><dt>${t(l, 'outstanding')}</dt><dd>${this.money(view.totals.arrears)}</dd></div>
      <div><dt>${t(l, 'balance')}</dt><dd>${this.money(view.balance)}</dd></div>
    </dl>`;
  }

  private renderHouseholds(view: FundView): TemplateResult {
    const l = this.locale;
    const paths = fundPaths(this.context.params);
    return html`<section aria-labelledby="households-h">
      <h2 id="households-h">${t(l, 'households')}</h2>
      <div class="table-region" role="region" tabindex="0" aria-labelledby="households-h">
        <table id="households">
          <thead><tr><th>${t(l, 'room')}</th><th class="num">${t(l, 'share')}</th><th class="num">${t(l, 'paid')}</th>
            <th class="num">${t(l, 'owed')}</th><th>${t(l, 'statement')}</th></tr></thead>
          <tbody>${byRoom(view.rows).map(
            (
              r,
            ) => html`<tr data-unit=${r.unitId}><td>${r.room}</td><td class="num">${this.money(r.share)}</td>
              <td class="num">${this.money(r.paid)}</td><td class="num">${this.money(r.arrears)}</td>
              <td><a href=${paths.statement(r.unitId)} aria-label=${t(l, 'statementOf', { room: r.room })}>${t(l, 'statement')}</a></td></tr>`,
          )}</tbody>
        </table>
      </div>
    </section>`;
  }

  private renderPayments(lines: readonly AccountLine[]): TemplateResult {
    const l = this.locale;
    return html`<section aria-labelledby="payments-h">
      <h2 id="payments-h">${t(l, 'payments')}</h2>
      <p class="done" role="status">${this.done ?? ''}</p>
      ${lines.length === 0 ? html`<p>${t(l, 'noPayments')}</p>` : html`<ul class="funds" id="payments">${lines.map((line) => this.renderPayment(line))}</ul>`}
    </section>`;
  }

  private renderPayment(line: AccountLine): TemplateResult {
    const l = this.locale;
    const paths = fundPaths(this.context.params);
    const what = line.reverses === undefined ? '' : t(l, 'reversal', { note: line.note ?? '' });
    const method = line.method ? t(l, line.method) : '';
    const canReverse = line.kind === 'payment' && line.reverses === undefined && !line.reversed;
    return html`<li class="card" data-entry=${line.entryId}>
      <p><strong>${line.room}</strong> · ${this.money(line.amount)} · ${line.date}
        ${method ? html` · ${method}` : nothing}${line.reference ? html` · ${line.reference}` : nothing}
        ${line.receiptNo ? html` · ${t(l, 'receiptNo')} ${line.receiptNo}` : nothing}
        ${line.reversed ? html` · <strong>${t(l, 'reversed')}</strong>` : nothing} ${what}</p>
      ${
        canReverse
          ? html`<div class="actions">
            <a class="action" href=${paths.receipt(line.entryId)} aria-label="${t(l, 'receipt')} ${line.receiptNo ?? ''}">${t(l, 'receipt')}</a>
            <button type="button" @click=${() => this.ask(line)} aria-label="${t(l, 'reverse')} ${line.receiptNo ?? ''}">${t(l, 'reverse')}</button>
          </div>`
          : nothing
      }
      ${this.reversing?.entryId === line.entryId ? this.renderConfirm(line) : nothing}
      ${this.error?.key === line.entryId ? html`<p class="alert" role="alert" tabindex="-1">${this.error.error.message[l]}</p>` : nothing}
    </li>`;
  }

  private renderConfirm(line: AccountLine): TemplateResult {
    const l = this.locale;
    const text = t(l, 'confirmReverse', {
      room: line.room,
      amount: this.money(line.amount),
      receipt: line.receiptNo ?? '',
    });
    return html`<form class="confirm" @submit=${(e: Event) => this.reverse(e, line)} aria-labelledby="confirm-text">
      <p id="confirm-text" tabindex="-1">${text}</p>
      <div class="field"><label for="reverse-reason">${t(l, 'reverseReason')}</label>
        <input id="reverse-reason" name="reason" type="text" autocomplete="off" /></div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${t(l, 'yes')}</button>
        <button type="button" @click=${() => this.back()}>${t(l, 'no')}</button>
      </div>
    </form>`;
  }

  private renderLinks(): TemplateResult {
    const l = this.locale;
    const paths = fundPaths(this.context.params);
    const download = (path: string, name: string) => async () => {
      const file = await this.context.api.file(path);
      if (file.ok) saveFile(file.value, name);
      else this.error = { key: 'download', error: file.error };
    };
    return html`<section aria-labelledby="more-h">
      <h2 id="more-h">${t(l, 'more')}</h2>
      <ul class="links">
        <li><a href=${paths.books}>${t(l, 'books')}</a></li>
        <li><a href=${paths.arrears}>${t(l, 'arrears')}</a></li>
        <li><a href=${paths.notice}>${t(l, 'notice')}</a></li>
      </ul>
      <div class="actions">
        <button type="button" @click=${download(paths.ledgerCsv, `${paths.fundId}-ledger.csv`)}>${t(l, 'ledgerCsv')}</button>
        <button type="button" @click=${download(paths.ledgerXlsx, `${paths.fundId}-ledger.xlsx`)}>${t(l, 'ledgerXlsx')}</button>
      </div>
      ${this.error?.key === 'download' ? html`<p class="alert" role="alert">${this.error.error.message[l]}</p>` : nothing}
    </section>`;
  }

  private ask(line: AccountLine): void {
    this.reversing = line;
    this.error = undefined;
    this.done = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#confirm-text')?.focus());
  }

  private back(): void {
    this.reversing = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h1')?.focus());
  }

  /** Sends `fund.reverse`; a refusal shows under the payment, focused, and nothing changes. */
  private async reverse(e: Event, line: AccountLine): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const reason = String(new FormData(e.target as HTMLFormElement).get('reason') ?? '');
    this.busy = true;
    const answer = await this.context.api.send('POST', `/c/${encodeURIComponent(this.community)}/commands`, {
      command: {
        type: 'fund.reverse',
        fundId: fundPaths(this.context.params).fundId,
        entryId: line.entryId,
        reason,
      },
    });
    this.busy = false;
    this.reversing = undefined;
    if (!answer.ok) {
      this.error = { key: line.entryId, error: answer.error };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[role=alert]')?.focus();
      return;
    }
    this.done = t(this.locale, 'saved');
    await this.replica.governance?.refresh().catch(() => undefined);
  }
}
