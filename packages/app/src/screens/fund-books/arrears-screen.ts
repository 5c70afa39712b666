import { type Ageing, type FundArrears, fundArrears, localDateOf } from '@linli/core';
import { html, type TemplateResult } from 'lit';
import { ReplicaScreen } from '../replica-screen.js';
import { ScreenElement } from '../screen-element.js';
import { t } from './books.strings.js';
import { fundPaths } from './fund-paths.js';
import { money } from './money.js';
import { paperStyles } from './paper.js';

/** The ageing buckets in the order a committee reads them, with their words. */
export const BUCKETS = [
  ['current', 'ageingCurrent'],
  ['days1to30', 'ageing1to30'],
  ['days31to60', 'ageing31to60'],
  ['days61to90', 'ageing61to90'],
  ['over90', 'ageingOver90'],
] as const satisfies readonly (readonly [keyof Ageing, string])[];

/**
 * `/c/:community/organizer/funds/:fund/arrears`: every household that owes the fund, what it owes in
 * each ageing bucket (not yet due, 1–30, 31–60, 61–90, over 90 days late) and since when, the totals,
 * and a link to each household's printable reminder.
 */
export class ArrearsScreen extends ReplicaScreen {
  static override styles = [ScreenElement.styles, paperStyles];

  protected override render(): TemplateResult {
    const l = this.locale;
    const paths = fundPaths(this.context.params);
    const gov = this.replica.governance;
    const arrears = gov?.read((s) =>
      fundArrears(s.community, s.funds, paths.fundId, localDateOf(new Date())),
    );
    const heading = (name: string) => html`<h1 tabindex="-1">${t(l, 'arrearsTitle', { fund: name })}</h1>`;
    if (!gov) return html`${heading('')}${this.loadState(t(l, 'loading'))}`;
    if (!arrears) return html`${heading(paths.fundId)}<p class="alert" role="alert">${t(l, 'noFund')}</p>`;
    return html`${heading(arrears.name)}
      <p><a href=${paths.books}>${t(l, 'backToBooks')}</a></p>
      <p>${t(l, 'asOf', { date: arrears.asOf })}</p>
      ${arrears.households.length === 0 ? html`<p>${t(l, 'noArrears')}</p>` : this.renderTable(arrears, paths)}`;
  }

  private renderTable(arrears: FundArrears, paths: ReturnType<typeof fundPaths>): TemplateResult {
    const l = this.locale;
    return html`<div class="scroll" role="region" tabindex="0" aria-labelledby="arrears-caption">
        <table>
          <caption id="arrears-caption">${t(l, 'arrearsTitle', { fund: arrears.name })}</caption>
          <thead><tr>
            <th scope="col">${t(l, 'room')}</th>
            <th scope="col" class="money">${t(l, 'outstanding')}</th>
            ${BUCKETS.map(([, word]) => html`<th scope="col" class="money">${t(l, word)}</th>`)}
            <th scope="col">${t(l, 'since')}</th>
          </tr></thead>
          <tbody>${arrears.households.map(
            (h) => html`<tr>
              <th scope="row">${h.room}</th>
              <td class="money">${money(h.outstanding, l)}</td>
              ${BUCKETS.map(([bucket]) => html`<td class="money">${money(h.ageing[bucket], l)}</td>`)}
              <td>${h.since ?? ''}</td>
            </tr>`,
          )}</tbody>
          <tfoot><tr>
            <th scope="row">${t(l, 'total')}</th>
            <td class="money">${money(arrears.outstanding, l)}</td>
            ${BUCKETS.map(([bucket]) => html`<td class="money">${money(arrears.ageing[bucket], l)}</td>`)}
            <td></td>
          </tr></tfoot>
        </table>
      </div>
      <h2>${t(l, 'reminderTitle')}</h2>
      <ul class="links">${arrears.households.map(
        (h) =>
          html`<li><a href=${paths.reminder(h.unitId)}>${t(l, 'reminderLink', { room: h.room })}</a></li>`,
      )}</ul>`;
  }
}

if (!customElements.get('linli-fund-arrears-screen'))
  customElements.define('linli-fund-arrears-screen', ArrearsScreen);

declare global {
  interface HTMLElementTagNameMap {
    'linli-fund-arrears-screen': ArrearsScreen;
  }
}
