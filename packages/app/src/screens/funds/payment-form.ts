import {
  formatMoney,
  type Governance,
  type LinliError,
  linliError,
  type Money,
  nextReceiptNo,
  PAYMENT_METHODS,
} from '@linli/core';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { buildingsOf, findUnit, roomLabel, roomsOf, roomsRepeat } from '../motion/room-lookup.js';
import { fenOf } from '../motion-wizard/fund-draft.js';
import { isAbout, ScreenElement } from '../screen-element.js';
import { t } from './funds.strings.js';
import { fundStyles } from './funds.styles.js';

/**
 * A payment in a few keystrokes: room → amount (yuan, exact) → method → reference → receipt number
 * (the core's next one, prefilled) → Enter. The room is looked up on the doors; the amount is
 * converted to fen exactly; everything else is the core's to judge, and its refusal shows beside the
 * field it names while the form keeps what was typed.
 */
export class PaymentForm extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    governance: { attribute: false },
    fund: {},
    nextReceipt: { attribute: 'next-receipt' },
    error: { state: true },
    done: { state: true },
    busy: { state: true },
  };
  static override styles = [ScreenElement.styles, fundStyles];

  declare governance: Governance | undefined;
  declare fund: string;
  declare nextReceipt: string;
  declare error: LinliError | undefined;
  declare done: string | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.governance = undefined;
    this.fund = '';
    this.nextReceipt = '';
    this.error = undefined;
    this.done = undefined;
    this.busy = false;
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const gov = this.governance;
    if (!gov) return html``;
    const rooms = roomsOf(gov);
    const field = (id: string, name: string, label: string, extra: { mode?: string; value?: string } = {}) =>
      html`<div class="field"><label for=${id}>${label}</label>
        <input id=${id} name=${name} type="text" autocomplete="off" inputmode=${extra.mode ?? 'text'}
          .value=${extra.value ?? ''} aria-invalid=${isAbout(this.error, [name === 'room' ? 'unitId' : name]) ? 'true' : 'false'}
          aria-describedby="pay-hint" /></div>`;
    return html`<p class="hint" id="pay-hint">${t(l, 'paymentHint')}</p>
      <form id="payment" @submit=${(e: Event) => this.pay(e, gov)} aria-labelledby="pay-h">
        ${
          roomsRepeat(rooms)
            ? html`<div class="field"><label for="pay-building">${t(l, 'building')}</label>
              <select id="pay-building" name="building">${buildingsOf(gov).map((b) => html`<option value=${b.id}>${b.name}</option>`)}</select></div>`
            : nothing
        }
        ${field('pay-room', 'room', t(l, 'room'), { mode: 'numeric' })}
        ${field('pay-amount', 'amount', t(l, 'amountYuan'), { mode: 'decimal' })}
        <div class="field"><label for="pay-method">${t(l, 'method')}</label>
          <select id="pay-method" name="method">${PAYMENT_METHODS.map((m) => html`<option value=${m}>${t(l, m)}</option>`)}</select></div>
        ${field('pay-reference', 'reference', t(l, 'reference'))}
        ${field('pay-receipt', 'receiptNo', t(l, 'receiptNo'), { value: this.nextReceipt })}
        ${this.error ? html`<p class="alert" role="alert" tabindex="-1" id="pay-error">${this.error.message[l]}</p>` : nothing}
        <div class="actions"><button type="submit" class="primary" id="pay-submit" ?disabled=${this.busy}>${t(l, 'record')}</button></div>
        <p role="status" id="pay-done">${this.done ?? ''}</p>
      </form>`;
  }

  /** The command the form stands for: a room not on the doors is sent as typed, so the core names it. */
  private command(form: HTMLFormElement, gov: Governance): Record<string, unknown> {
    const data = new FormData(form);
    const get = (name: string) => String(data.get(name) ?? '').trim();
    const building = get('building');
    const found = findUnit(roomsOf(gov), get('room'), building === '' ? undefined : building);
    const amount = get('amount');
    return {
      type: 'fund.pay',
      fundId: this.fund,
      unitId: found.kind === 'unit' ? found.unit.unitId : get('room'),
      amount: fenOf(amount) ?? amount,
      method: get('method'),
      ...(get('reference') === '' ? {} : { reference: get('reference') }),
      ...(get('receiptNo') === '' ? {} : { receiptNo: get('receiptNo') }),
    };
  }

  private async pay(e: Event, gov: Governance): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const form = e.target as HTMLFormElement;
    const command = this.command(form, gov);
    this.busy = true;
    this.done = undefined;
    const answer = await this.context.api.send<{
      events: { payload: { entries: { receiptNo?: string }[] } }[];
    }>('POST', `/c/${encodeURIComponent(this.context.params.community ?? '')}/commands`, { command });
    this.busy = false;
    if (!answer.ok) {
      this.error = this.withRoom(answer.error, gov);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#pay-error')?.focus();
      return;
    }
    this.error = undefined;
    const receipt = answer.value.events[0]?.payload.entries[0]?.receiptNo ?? '';
    await gov.refresh().catch(() => undefined);
    // Ready for the next household: the method stays (a queue of cash payers), the receipt moves on.
    for (const id of ['#pay-room', '#pay-amount', '#pay-reference'])
      (form.querySelector(id) as HTMLInputElement).value = '';
    (form.querySelector('#pay-receipt') as HTMLInputElement).value = gov.read((s) =>
      nextReceiptNo(s.funds, this.fund),
    );
    form.querySelector<HTMLInputElement>('#pay-room')?.focus();
    this.done = t(this.locale, 'recorded', {
      room: roomLabel(gov, String(command.unitId)),
      amount: formatMoney(command.amount as Money, this.locale),
      receipt,
    });
  }

  /** The core's refusal with a unit id named by its room on the door. */
  private withRoom(error: LinliError, gov: Governance): LinliError {
    const unitId = error.params?.unitId;
    if (typeof unitId !== 'string' || !gov.read((s) => s.community.units.has(unitId))) return error;
    return linliError(error.code, [...error.path], { ...error.params, unitId: roomLabel(gov, unitId) });
  }
}

if (!customElements.get('linli-payment-form')) customElements.define('linli-payment-form', PaymentForm);
