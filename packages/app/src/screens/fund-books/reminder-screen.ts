import { type DueFor, fundArrears, type Locale, localDateOf } from '@linli/core';
import { html, type TemplateResult } from 'lit';
import { a4Page } from '../print/a4-page.js';
import { ReplicaScreen } from '../replica-screen.js';
import { ScreenElement } from '../screen-element.js';
import { t } from './books.strings.js';
import { fundPaths } from './fund-paths.js';
import { money } from './money.js';
import { paperStyles } from './paper.js';

const forText = (due: DueFor, l: Locale, fund: string): string =>
  due.kind === 'charge'
    ? t(l, 'chargeMonth', { name: due.name, month: due.month })
    : due.kind === 'scheme'
      ? due.name
      : fund;

/**
 * `/c/:community/organizer/funds/:fund/arrears/:unit/reminder`: a plain-language A4 notice to one
 * household — who it is for, what for, how much, since when, how to pay, who to ask — in the page's
 * language (zh-CN, or en when the page is en).
 */
export class ReminderScreen extends ReplicaScreen {
  static override styles = [ScreenElement.styles, paperStyles];

  override connectedCallback(): void {
    super.connectedCallback();
    a4Page();
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const paths = fundPaths(this.context.params);
    const unitId = this.context.params.unit ?? '';
    const gov = this.replica.governance;
    const arrears = gov?.read((s) =>
      fundArrears(s.community, s.funds, paths.fundId, localDateOf(new Date())),
    );
    const heading = html`<h1 tabindex="-1">${t(l, 'reminderTitle')}</h1>`;
    const back = html`<p class="no-print"><a href=${paths.arrears}>${t(l, 'backToArrears')}</a></p>`;
    if (!gov) return html`${heading}${this.loadState(t(l, 'loading'))}`;
    if (!arrears) return html`${heading}<p class="alert" role="alert">${t(l, 'noFund')}</p>`;
    const h = arrears.households.find((x) => x.unitId === unitId);
    if (!h) return html`${heading}${back}<p>${t(l, 'noReminder')}</p>`;
    return html`${heading}${back}
      <p class="no-print"><button type="button" @click=${() => window.print()}>${t(l, 'print')}</button></p>
      <article aria-labelledby="reminder-to">
        <p id="reminder-to"><strong>${t(l, 'dear', { room: h.room, owners: h.owners.join('、') })}</strong></p>
        <p>${t(l, 'reminderBody', { fund: arrears.name, amount: money(h.outstanding, l), since: h.since ?? arrears.asOf })}</p>
        <table>
          <thead><tr>
            <th scope="col">${t(l, 'dueFor')}</th>
            <th scope="col">${t(l, 'dueDate')}</th>
            <th scope="col" class="money">${t(l, 'dueAmount')}</th>
          </tr></thead>
          <tbody>${[...h.unpaid]
            .reverse()
            .map(
              (d) =>
                html`<tr><td>${forText(d.for, l, arrears.name)}</td><td>${d.due}</td><td class="money">${money(d.unpaid, l)}</td></tr>`,
            )}</tbody>
          <tfoot><tr><th scope="row" colspan="2">${t(l, 'total')}</th><td class="money">${money(h.outstanding, l)}</td></tr></tfoot>
        </table>
        <p>${t(l, 'howToPay')}</p>
        <p>${t(l, 'whoToAsk')}</p>
        <p>${t(l, 'asOf', { date: arrears.asOf })}</p>
      </article>`;
  }
}

if (!customElements.get('linli-fund-reminder-screen'))
  customElements.define('linli-fund-reminder-screen', ReminderScreen);

declare global {
  interface HTMLElementTagNameMap {
    'linli-fund-reminder-screen': ReminderScreen;
  }
}
