import { type FundSummary, formatMoney, fundSummaries, type Money } from '@linli/core';
import { html, type TemplateResult } from 'lit';
import { ReplicaScreen } from '../replica-screen.js';
import { ScreenElement } from '../screen-element.js';
import { ALL_RECORDED, fundPaths } from './fund-paths.js';
import { t } from './funds.strings.js';
import { fundStyles } from './funds.styles.js';
import './new-fund-form.js';

/**
 * `/c/:community/organizer/funds`: every fund with its budget, what is pledged, paid and outstanding,
 * and its cash balance (the core's `fundSummaries` on the live replica), and the form that opens a
 * new fund with its cost-share scheme and a live preview of every household's share.
 */
export class FundsScreen extends ReplicaScreen {
  static override styles = [ScreenElement.styles, fundStyles];

  protected override render(): TemplateResult {
    const l = this.locale;
    const gov = this.replica.governance;
    const heading = html`<h1 tabindex="-1">${t(l, 'fundsTitle')}</h1>`;
    if (!gov) return html`${heading}${this.loadState(t(l, 'loading'))}`;
    const funds = gov.read((s) => fundSummaries(s.funds, ALL_RECORDED));
    return html`${heading}
      ${funds.length === 0 ? html`<p>${t(l, 'noFunds')}</p>` : html`<ul class="funds">${funds.map((f) => this.renderFund(f))}</ul>`}
      <section class="card" aria-labelledby="new-fund-h">
        <h2 id="new-fund-h">${t(l, 'newFund')}</h2>
        <linli-new-fund-form .context=${this.context} .governance=${gov}></linli-new-fund-form>
      </section>`;
  }

  private renderFund(f: FundSummary): TemplateResult {
    const l = this.locale;
    const money = (fen: number) => formatMoney(fen as Money, l);
    const href = fundPaths({ community: this.community, fund: f.fundId }).fund;
    return html`<li class="card">
      <h2><a href=${href}>${f.name}</a></h2>
      <dl class="figures">
        <div><dt>${t(l, 'budget')}</dt><dd>${money(f.budget)}</dd></div>
        <div><dt>${t(l, 'pledged')}</dt><dd>${money(f.pledged)}</dd></div>
        <div><dt>${t(l, 'paid')}</dt><dd>${money(f.paid)}</dd></div>
        <div><dt>${t(l, 'outstanding')}</dt><dd>${money(f.outstanding)}</dd></div>
        <div><dt>${t(l, 'balance')}</dt><dd>${money(f.balance)}</dd></div>
      </dl>
    </li>`;
  }
}
