import { type FundNotice, fundNotice, type Locale, localDateOf } from '@linli/core';
import { html, nothing, type TemplateResult } from 'lit';
import { a4Page } from '../print/a4-page.js';
import { ReplicaScreen } from '../replica-screen.js';
import { ScreenElement } from '../screen-element.js';
import { t } from './books.strings.js';
import { fundPaths } from './fund-paths.js';
import { money } from './money.js';
import { paperStyles } from './paper.js';

/** A table's column headers from a `|`-separated line of words, the money columns right-aligned. */
function headers(words: string, moneyFrom: number): TemplateResult[] {
  return words
    .split('|')
    .map((w, i) => html`<th scope="col" class=${i >= moneyFrom ? 'money' : ''}>${w}</th>`);
}

function renderTotals(n: FundNotice, l: Locale): TemplateResult {
  const rows: [string, number][] = [
    [t(l, 'totalsIncome'), n.totals.income],
    [t(l, 'totalsRelated'), -n.totals.relatedCosts],
    [t(l, 'totalsExpenses'), -n.totals.expenses],
    [t(l, 'totalsPaid'), n.totals.paid],
  ];
  if (n.totals.transfersIn !== 0 || n.totals.transfersOut !== 0)
    rows.push([t(l, 'totalsTransfers'), n.totals.transfersIn - n.totals.transfersOut]);
  return html`<table id="totals">
    <tbody>${rows.map(([label, amount]) => html`<tr><th scope="row">${label}</th><td class="money">${money(amount, l)}</td></tr>`)}</tbody>
    <tfoot><tr><th scope="row">${t(l, 'totalsBalance')}</th><td class="money" id="balance">${money(n.totals.balance, l)}</td></tr></tfoot>
  </table>`;
}

function renderIncome(n: FundNotice, l: Locale): TemplateResult {
  return html`<h2 id="income-h">${t(l, 'incomeList')}</h2>
    ${
      n.income.length === 0
        ? html`<p>${t(l, 'none')}</p>`
        : html`<div class="scroll" role="region" tabindex="0" aria-labelledby="income-h"><table id="income"><thead><tr>${headers(t(l, 'incomeCols'), 3)}</tr></thead><tbody>${n.income.map(
            (i) => html`<tr>
              <td class="nowrap">${i.date}</td><td>${i.source}</td><td class="code">${i.invoice ?? ''}</td>
              <td class="money">${money(i.amount, l)}</td><td class="money">${money(i.relatedCosts, l)}</td>
              <td class="money">${money(i.net, l)}</td><td>${i.offset?.name ?? ''}</td>
            </tr>`,
          )}</tbody></table></div>`
    }`;
}

function renderExpenses(n: FundNotice, l: Locale): TemplateResult {
  return html`<h2 id="expenses-h">${t(l, 'expenseList')}</h2>
    ${
      n.expenses.length === 0
        ? html`<p>${t(l, 'none')}</p>`
        : html`<div class="scroll" role="region" tabindex="0" aria-labelledby="expenses-h"><table id="expenses"><thead><tr>${headers(t(l, 'expenseCols'), 3)}</tr></thead><tbody>${n.expenses.map(
            (e) =>
              html`<tr><td class="nowrap">${e.date}</td><td>${e.description}</td><td class="code">${e.receipt}</td><td class="money">${money(e.amount, l)}</td></tr>`,
          )}</tbody></table></div>`
    }`;
}

function renderHouseholds(n: FundNotice, l: Locale): TemplateResult {
  return html`<h2 id="households-h">${t(l, 'households')}</h2>
    <div class="scroll" role="region" tabindex="0" aria-labelledby="households-h"><table id="households">
      <thead><tr>
        <th scope="col">${t(l, 'room')}</th><th scope="col" class="money">${t(l, 'share')}</th>
        <th scope="col" class="money">${t(l, 'paid')}</th><th scope="col" class="money">${t(l, 'owed')}</th>
      </tr></thead>
      <tbody>${n.households.map(
        (h) => html`<tr><th scope="row">${h.room}</th><td class="money">${money(h.share, l)}</td>
          <td class="money">${money(h.paid, l)}</td><td class="money">${money(h.arrears, l)}</td></tr>`,
      )}</tbody>
      <tfoot><tr><th scope="row">${t(l, 'total')}</th><td class="money">${money(n.totals.share, l)}</td>
        <td class="money">${money(
          n.households.reduce((a, h) => a + h.paid, 0),
          l,
        )}</td>
        <td class="money">${money(n.totals.owed, l)}</td></tr></tfoot>
    </table></div>`;
}

/**
 * `/c/:community/organizer/funds/:fund/notice`: the fund's 公示 on A4 for the notice board — income
 * with invoice, related costs and what it offset; expenses; the balance; every household's share,
 * payments and arrears; the date and the log's head hash — black on white, from `fundNotice`, the
 * same figures the exports carry.
 */
export class FundNoticeScreen extends ReplicaScreen {
  static override styles = [ScreenElement.styles, paperStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    a4Page();
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const paths = fundPaths(this.context.params);
    const gov = this.replica.governance;
    const notice = gov?.read((s) => fundNotice(s.community, s.funds, paths.fundId, localDateOf(new Date())));
    const heading = (name: string) => html`<h1 tabindex="-1">${t(l, 'noticeTitle', { fund: name })}</h1>`;
    if (!gov) return html`${heading('')}${this.loadState(t(l, 'loading'))}`;
    if (!notice) return html`${heading(paths.fundId)}<p class="alert" role="alert">${t(l, 'noFund')}</p>`;
    const community = gov.community.value.community?.name;
    return html`${heading(notice.name)}
      <p class="no-print"><a href=${paths.books}>${t(l, 'backToBooks')}</a></p>
      <p class="no-print hint">${t(l, 'printHint')}</p>
      <p class="no-print"><button type="button" @click=${() => window.print()}>${t(l, 'print')}</button></p>
      ${community ? html`<p>${community}</p>` : nothing}
      <p id="as-of">${t(l, 'asOf', { date: notice.asOf })}</p>
      ${renderTotals(notice, l)} ${renderIncome(notice, l)} ${renderExpenses(notice, l)} ${renderHouseholds(notice, l)}
      <p>${t(l, 'noticeFoot')}</p>
      <p class="hash" id="head">${t(l, 'logHead', { hash: gov.head.value.hash })}</p>`;
  }
}

if (!customElements.get('linli-fund-notice-screen'))
  customElements.define('linli-fund-notice-screen', FundNoticeScreen);

declare global {
  interface HTMLElementTagNameMap {
    'linli-fund-notice-screen': FundNoticeScreen;
  }
}
