import {
  type Charge,
  type ChargeBilling,
  chargeBilling,
  formatMoney,
  type GovernanceState,
  type Locale,
  type Money,
} from '@linli/core';
import { css, html, nothing, type TemplateResult } from 'lit';
import {
  CommandScreen,
  type ConfirmWords,
  hundredthsOrText,
  type PendingCommand,
  fieldValue as value,
  wholeOrText,
} from '../command-screen.js';
import { formStyles } from '../form-styles.js';
import { type ChargePeriod, chargePeriods } from './charge-periods.js';
import { t } from './charges.strings.js';

const money = (fen: number, l: Locale) => formatMoney(fen as Money, l);

/** The form's value for opening a new fund with the charge. */
const NEW_FUND = '+new';

interface ChargeItem {
  readonly charge: Charge;
  readonly fundName: string;
  readonly billing: ChargeBilling;
  readonly periods: readonly ChargePeriod[];
}

/** Everything the screen shows, read from the replica at once. */
function chargesOf(state: Readonly<GovernanceState>) {
  const { community, funds } = state;
  const scopes = [
    ...[...community.buildings.values()].map((b) => ({ value: `building:${b.id}`, label: b.name })),
    ...[...community.stairwells.values()].map((s) => ({
      value: `stairwell:${s.id}`,
      label: `${community.buildings.get(s.buildingId)?.name ?? ''} ${s.name}`.trim(),
    })),
  ];
  const items: ChargeItem[] = [...funds.charges.values()].map((charge) => ({
    charge,
    fundName: funds.funds.get(charge.fundId)?.name ?? charge.fundId,
    billing: chargeBilling(funds, charge),
    periods: chargePeriods(state, charge),
  }));
  return { funds: [...funds.funds.values()], scopes, items };
}

/** `community`, `building:<id>` or `stairwell:<id>` as the command's scope. */
function scopeOf(choice: string): Record<string, string> {
  const [kind, id] = choice.split(':');
  return kind === 'community' || !id ? { kind: 'community' } : { kind: kind ?? 'community', id };
}

/** A field with its label; `value` is only the starting text. */
function field(id: string, name: string, label: string, inputmode = 'text', start = ''): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <input id=${id} name=${name} type="text" autocomplete="off" inputmode=${inputmode} .value=${start} />
  </div>`;
}

/**
 * `/c/:community/organizer/charges`: recurring monthly charges, e.g. 福泰大厦's doorman's wage. The
 * organizer defines one (name, its fund or a new one, monthly amount in exact yuan, scope, split,
 * first month, day of month) and sees each: every month billed with each household's prorated share
 * to the fen, and the next bill date; a charge is ended behind a confirmation. The bills themselves
 * come from the server's due work, not from this page.
 */
export class ChargesScreen extends CommandScreen {
  static override styles = [
    CommandScreen.styles,
    formStyles,
    css`
      table {
        border-collapse: collapse;
        width: 100%;
      }
      caption {
        text-align: start;
        font-weight: 600;
        padding-block: 0.4em;
      }
      th,
      td {
        text-align: start;
        padding: 0.35em 0.5em;
        border-bottom: 1px solid var(--linli-color-border);
      }
      .num {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      fieldset .choice + .choice {
        margin-top: 0.25em;
      }
    `,
  ];

  protected override readonly confirmWords: ConfirmWords = t;

  protected override render(): TemplateResult {
    const l = this.locale;
    const gov = this.replica.governance;
    const heading = html`<h1 tabindex="-1">${t(l, 'title')}</h1>`;
    if (!gov) return html`${heading}${this.loadState(t(l, 'loading'))}`;
    const { funds, scopes, items } = gov.read(chargesOf);
    return html`${heading}${this.renderDone()}
      <p>${t(l, 'intro')}</p>
      ${this.renderDefine(funds, scopes, l)}
      ${items.length === 0 ? html`<p>${t(l, 'none')}</p>` : items.map((item) => this.renderCharge(item, l))}`;
  }

  private renderCharge(item: ChargeItem, l: Locale): TemplateResult {
    const { charge, billing } = item;
    const id = `c-${charge.id}`;
    return html`<section class="card" aria-labelledby="${id}-h" id=${id}>
      <h2 id="${id}-h">${charge.name}</h2>
      <p>${t(l, 'facts', {
        fund: item.fundName,
        amount: money(charge.monthlyAmount, l),
        split: t(l, charge.split === 'area' ? 'byArea' : 'equal'),
        day: String(billing.dueDay),
        start: charge.start,
      })}</p>
      ${billing.end ? html`<p>${t(l, 'endsAfter', { end: billing.end })}</p>` : nothing}
      <p class="next"><strong>${
        billing.next
          ? t(l, 'nextBill', { date: billing.next.dueDate, month: billing.next.month })
          : t(l, 'noNext')
      }</strong></p>
      ${item.periods.length === 0 ? html`<p>${t(l, 'notYet')}</p>` : item.periods.map((p) => this.renderPeriod(charge, p, l))}
      ${this.renderEnd(charge, l)}
    </section>`;
  }

  private renderPeriod(charge: Charge, period: ChargePeriod, l: Locale): TemplateResult {
    return html`<table id="p-${charge.id}-${period.month}">
      <caption>${t(l, 'period', { month: period.month, total: money(period.total, l) })}</caption>
      <thead><tr><th scope="col">${t(l, 'room')}</th><th scope="col" class="num">${t(l, 'days')}</th><th scope="col" class="num">${t(l, 'share')}</th></tr></thead>
      <tbody>${period.lines.map(
        (line) =>
          html`<tr data-unit=${line.unitId}><th scope="row">${line.room}</th><td class="num">${line.days}</td><td class="num">${money(line.share, l)}</td></tr>`,
      )}</tbody>
    </table>`;
  }

  private renderEnd(charge: Charge, l: Locale): TemplateResult {
    const key = `end/${charge.id}`;
    const confirm = this.renderConfirm(key, l);
    const submit = (e: Event) => {
      e.preventDefault();
      const end = value(e.target as HTMLFormElement, 'end');
      this.ask(key, {
        command: { type: 'charge.end', chargeId: charge.id, end },
        text: t(l, 'confirmEnd', { name: charge.name, end }),
      });
    };
    return html`${
      confirm ??
      html`<details ?open=${this.error?.key === key}>
        <summary id="open-end-${charge.id}">${t(l, 'end')}</summary>
        <form aria-label="${t(l, 'end')} ${charge.name}" @submit=${submit}>
          ${field(`end-${charge.id}`, 'end', t(l, 'endMonth'), 'numeric')}
          <div class="row"><button type="submit" id="do-end-${charge.id}">${t(l, 'end')}</button></div>
        </form>
      </details>`
    }
      ${this.renderError(key, l)}`;
  }

  private defineCommand(form: HTMLFormElement, l: Locale): Omit<PendingCommand, 'key'> {
    const name = value(form, 'name');
    const fund = value(form, 'fund');
    const amount = value(form, 'amount');
    const start = value(form, 'start');
    const day = value(form, 'dueDay');
    // A new fund's id is made here: the command opens it with the charge, both or neither.
    const opening = fund === NEW_FUND;
    return {
      command: {
        type: 'charge.define',
        name,
        fundId: opening ? `fund-${Date.now().toString(36)}` : fund,
        ...(opening ? { openFund: { name: value(form, 'fundName') || name } } : {}),
        monthlyAmount: hundredthsOrText(amount),
        scope: scopeOf(value(form, 'scope')),
        split: value(form, 'split') || 'equal',
        start,
        dueDay: wholeOrText(day),
      },
      text: t(l, 'confirmDefine', { name, amount: `¥${amount}`, start, day }),
    };
  }

  private renderDefine(
    funds: readonly { id: string; name: string }[],
    scopes: readonly { value: string; label: string }[],
    l: Locale,
  ): TemplateResult {
    const key = 'define';
    const submit = (e: Event) => {
      e.preventDefault();
      this.ask(key, this.defineCommand(e.target as HTMLFormElement, l));
    };
    return html`${
      this.renderConfirm(key, l) ??
      html`<details id="define" class="card" ?open=${this.error?.key === key}>
        <summary id="open-define">${t(l, 'define')}</summary>
        <form aria-label=${t(l, 'define')} @submit=${submit}>
          ${field('charge-name', 'name', t(l, 'name'))}
          <div class="field">
            <label for="charge-fund">${t(l, 'fund')}</label>
            <select id="charge-fund" name="fund">
              <option value=${NEW_FUND}>${t(l, 'newFund')}</option>
              ${funds.map((f) => html`<option value=${f.id}>${f.name}</option>`)}
            </select>
          </div>
          ${field('charge-fund-name', 'fundName', t(l, 'newFundName'))}
          ${field('charge-amount', 'amount', t(l, 'amount'), 'decimal')}
          <div class="field">
            <label for="charge-scope">${t(l, 'scope')}</label>
            <select id="charge-scope" name="scope">
              <option value="community">${t(l, 'wholeCommunity')}</option>
              ${scopes.map((s) => html`<option value=${s.value}>${s.label}</option>`)}
            </select>
          </div>
          <fieldset>
            <legend>${t(l, 'split')}</legend>
            <label class="choice"><input type="radio" name="split" value="equal" checked />${t(l, 'equal')}</label>
            <label class="choice"><input type="radio" name="split" value="area" />${t(l, 'byArea')}</label>
          </fieldset>
          ${field('charge-start', 'start', t(l, 'start'), 'numeric')}
          ${field('charge-day', 'dueDay', t(l, 'dueDay'), 'numeric', '1')}
          <div class="row"><button type="submit" class="primary" id="define-submit">${t(l, 'define')}</button></div>
        </form>
      </details>`
    }
      ${this.renderError(key, l)}`;
  }
}

if (!customElements.get('linli-charges-screen')) customElements.define('linli-charges-screen', ChargesScreen);
