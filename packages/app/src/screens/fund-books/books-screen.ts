import { type Attachment, type FundNotice, fundNotice, type LinliError, localDateOf } from '@linli/core';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { saveFile } from '../../api/save-file.js';
import { fenOf } from '../motion-wizard/fund-draft.js';
import { ReplicaScreen } from '../replica-screen.js';
import { ScreenElement } from '../screen-element.js';
import type { AttachmentField } from './attachment-field.js';
import './attachment-field.js';
import { t } from './books.strings.js';
import { fundPaths } from './fund-paths.js';
import { money } from './money.js';

/** An amount as typed: whole fen, or the text itself for the core to refuse at its field. */
const amountOf = (typed: string): number | string => fenOf(typed) ?? typed;

const field = (form: HTMLFormElement, name: string): string =>
  String(new FormData(form).get(name) ?? '').trim();

/** What one form or entry last answered: the core's refusal at its place. */
interface Refused {
  readonly key: string;
  readonly error: LinliError;
}

/**
 * `/c/:community/organizer/funds/:fund/books`: the fund's income (the ad-space rent with its invoice
 * number, related costs and the charge or scheme its net amount offsets) and expenses (receipt number,
 * what for), each with photos or scans uploaded from the browser; the list of both with their
 * attachments; a reversal behind a confirmation; and the ledger's CSV and Excel exports. A refusal
 * shows the core's typed error beside the form or entry, and nothing changes.
 */
export class BooksScreen extends ReplicaScreen {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    refused: { state: true },
    done: { state: true },
    busy: { state: true },
    reversing: { state: true },
    opened: { state: true },
    waiting: { state: true },
  };
  static override styles = [
    ScreenElement.styles,
    css`
      /* A long option (a scheme's name) must not widen the form past a 360 px phone. */
      form {
        grid-template-columns: minmax(0, 1fr);
      }
      select {
        min-width: 0;
        max-width: 100%;
      }
      ul.entries {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.75em;
      }
      ul.entries > li {
        border-top: 1px solid var(--linli-color-border);
        padding-top: 0.75em;
      }
      ul.files {
        list-style: none;
        padding: 0;
        margin: 0.25em 0;
      }
      figure {
        margin: 0.5em 0;
      }
      figure img {
        max-width: 100%;
        max-height: 24em;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75em;
        margin-bottom: 1em;
      }
    `,
  ];

  declare refused: Refused | undefined;
  declare done: string | undefined;
  declare busy: boolean;
  declare reversing: string | undefined;
  /** Attachments opened in the page: their bytes as a `data:` URL (photos) by hash. */
  declare opened: ReadonlyMap<string, string>;
  /** The form whose attachments were still uploading (or refused) when it was sent. */
  declare waiting: string | undefined;

  constructor() {
    super();
    this.refused = undefined;
    this.done = undefined;
    this.busy = false;
    this.reversing = undefined;
    this.opened = new Map();
    this.waiting = undefined;
  }

  private get paths() {
    return fundPaths(this.context.params);
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const gov = this.replica.governance;
    const paths = this.paths;
    const data = gov?.read((s) => ({
      notice: fundNotice(s.community, s.funds, paths.fundId, localDateOf(new Date())),
      charges: [...s.funds.charges.values()].filter((c) => c.fundId === paths.fundId),
      schemes: [...s.funds.schemes.values()].flatMap((versions) => versions.slice(-1)),
    }));
    const heading = (name: string) => html`<h1 tabindex="-1">${t(l, 'booksTitle', { fund: name })}</h1>`;
    if (!gov || !data) return html`${heading('')}${this.loadState(t(l, 'loading'))}`;
    const { notice } = data;
    if (!notice) return html`${heading(paths.fundId)}<p class="alert" role="alert">${t(l, 'noFund')}</p>`;
    return html`${heading(notice.name)}
      <nav class="actions" aria-label=${t(l, 'booksTitle', { fund: notice.name })}>
        <a href=${paths.fund}>${t(l, 'backToFund')}</a>
        <a href=${paths.arrears}>${t(l, 'toArrears')}</a>
        <a href=${paths.notice}>${t(l, 'toNotice')}</a>
      </nav>
      <div class="actions">
        <button type="button" id="export-csv" @click=${() => this.export('csv')}>${t(l, 'exportCsv')}</button>
        <button type="button" id="export-xlsx" @click=${() => this.export('xlsx')}>${t(l, 'exportXlsx')}</button>
      </div>
      ${this.renderError('export')}
      <p class="done" role="status">${this.done ?? ''}</p>
      ${this.renderIncomeForm(data.charges, data.schemes)}
      ${this.renderExpenseForm()}
      ${this.renderLists(notice)}`;
  }

  private renderIncomeForm(
    charges: readonly { id: string; name: string }[],
    schemes: readonly { schemeId: string; spec: { name: string } }[],
  ): TemplateResult {
    const l = this.locale;
    return html`<section class="card" aria-labelledby="income-h">
      <h2 id="income-h">${t(l, 'recordIncome')}</h2>
      <form id="income-form" @submit=${(e: Event) => this.submitIncome(e)}>
        ${this.text('income-amount', 'amount', t(l, 'amount'), 'decimal')}
        ${this.text('income-costs', 'relatedCosts', t(l, 'relatedCosts'), 'decimal')}
        ${this.text('income-source', 'source', t(l, 'source'))}
        ${this.text('income-invoice', 'invoice', t(l, 'invoice'))}
        <div class="field">
          <label for="income-offset">${t(l, 'offset')}</label>
          <select id="income-offset" name="offset">
            <option value="">${t(l, 'offsetNone')}</option>
            ${charges.map((c) => html`<option value="charge:${c.id}">${t(l, 'offsetCharge', { name: c.name })}</option>`)}
            ${schemes.map((s) => html`<option value="scheme:${s.schemeId}">${t(l, 'offsetScheme', { name: s.spec.name })}</option>`)}
          </select>
        </div>
        <linli-attachment-field id="income-files" field-id="income-attachments" .api=${this.context.api}
          .uploadPath=${this.paths.attachments} .locale=${l}></linli-attachment-field>
        ${this.renderError('income')}
        <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t(l, 'save')}</button></div>
      </form>
    </section>`;
  }

  private renderExpenseForm(): TemplateResult {
    const l = this.locale;
    return html`<section class="card" aria-labelledby="expense-h">
      <h2 id="expense-h">${t(l, 'recordExpense')}</h2>
      <form id="expense-form" @submit=${(e: Event) => this.submitExpense(e)}>
        ${this.text('expense-amount', 'amount', t(l, 'amount'), 'decimal')}
        ${this.text('expense-receipt', 'receipt', t(l, 'receipt'))}
        ${this.text('expense-description', 'description', t(l, 'description'))}
        <linli-attachment-field id="expense-files" field-id="expense-attachments" .api=${this.context.api}
          .uploadPath=${this.paths.attachments} .locale=${l}></linli-attachment-field>
        ${this.renderError('expense')}
        <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${t(l, 'save')}</button></div>
      </form>
    </section>`;
  }

  private text(id: string, name: string, label: string, inputmode = 'text'): TemplateResult {
    const invalid = this.refused?.error.path[0] === name && this.refused.key === id.split('-')[0];
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} name=${name} type="text" autocomplete="off" inputmode=${inputmode}
        aria-invalid=${invalid ? 'true' : 'false'} />
    </div>`;
  }

  private renderLists(notice: FundNotice): TemplateResult {
    const l = this.locale;
    const incomeLine = (i: FundNotice['income'][number]) =>
      t(l, 'incomeLine', {
        date: i.date,
        source: i.source,
        amount: money(i.amount, l),
        costs: money(i.relatedCosts, l),
        net: money(i.net, l),
      });
    const expenseLine = (e: FundNotice['expenses'][number]) =>
      t(l, 'expenseLine', {
        date: e.date,
        description: e.description,
        amount: money(e.amount, l),
        receipt: e.receipt,
      });
    return html`<section aria-labelledby="incomes-h">
        <h2 id="incomes-h">${t(l, 'incomeList')}</h2>
        ${
          notice.income.length === 0
            ? html`<p>${t(l, 'none')}</p>`
            : html`<ul class="entries">${notice.income.map(
                (i) => html`<li>
                  <p>${incomeLine(i)}</p>
                  ${i.invoice ? html`<p>${t(l, 'invoiceLine', { invoice: i.invoice })}</p>` : nothing}
                  ${i.offset ? html`<p>${t(l, i.offset.kind === 'charge' ? 'offsetCharge' : 'offsetScheme', { name: i.offset.name })}</p>` : nothing}
                  ${this.renderFiles(i.attachments)} ${this.renderReverse(i.entryId, incomeLine(i))}
                </li>`,
              )}</ul>`
        }
      </section>
      <section aria-labelledby="expenses-h">
        <h2 id="expenses-h">${t(l, 'expenseList')}</h2>
        ${
          notice.expenses.length === 0
            ? html`<p>${t(l, 'none')}</p>`
            : html`<ul class="entries">${notice.expenses.map(
                (e) => html`<li>
                  <p>${expenseLine(e)}</p>
                  ${this.renderFiles(e.attachments)} ${this.renderReverse(e.entryId, expenseLine(e))}
                </li>`,
              )}</ul>`
        }
      </section>`;
  }

  private renderFiles(files: readonly Attachment[]): TemplateResult | typeof nothing {
    if (files.length === 0) return nothing;
    const l = this.locale;
    return html`<ul class="files">${files.map((a) => {
      const name = a.name ?? a.sha256.slice(0, 12);
      const shown = this.opened.get(a.sha256);
      return html`<li>
        <a href=${this.paths.attachment(a.sha256)} @click=${(e: Event) => this.openFile(e, a)}>${t(l, 'open', { name })}</a>
        ${shown ? html`<figure><img src=${shown} alt=${name} /></figure>` : nothing}
        ${this.renderError(`file-${a.sha256}`)}
      </li>`;
    })}</ul>`;
  }

  private renderReverse(entryId: string, line: string): TemplateResult {
    const l = this.locale;
    if (this.reversing !== entryId)
      return html`<div class="actions">
        <button type="button" id="reverse-${entryId}" @click=${() => this.askReverse(entryId)}>${t(l, 'reverse')}</button>
      </div>${this.renderError(`reverse-${entryId}`)}`;
    return html`<form class="confirm" aria-labelledby="confirm-${entryId}" @submit=${(e: Event) => this.reverse(e, entryId)}>
      <p id="confirm-${entryId}" tabindex="-1">${t(l, 'confirmReverse', { line })}</p>
      ${this.text(`reason-${entryId}`, 'reason', t(l, 'reverseReason'))}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${t(l, 'yes')}</button>
        <button type="button" @click=${() => this.cancelReverse(entryId)}>${t(l, 'no')}</button>
      </div>
    </form>`;
  }

  private renderError(key: string): TemplateResult | typeof nothing {
    if (this.waiting === key)
      return html`<p class="alert" role="alert" tabindex="-1">${t(this.locale, 'waitUploads')}</p>`;
    const error = this.refused?.key === key ? this.refused.error : undefined;
    return error
      ? html`<p class="alert" role="alert" tabindex="-1">${error.message[this.locale]}</p>`
      : nothing;
  }

  private filesOf(id: string): AttachmentField | null {
    return this.renderRoot.querySelector<AttachmentField>(`#${id}`);
  }

  private submitIncome(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const files = this.filesOf('income-files');
    const costs = field(form, 'relatedCosts');
    const invoice = field(form, 'invoice');
    const [kind, id] = field(form, 'offset').split(':');
    const attachments = files?.attachments ?? [];
    void this.send('income', form, files, {
      type: 'fund.income',
      fundId: this.paths.fundId,
      amount: amountOf(field(form, 'amount')),
      ...(costs ? { relatedCosts: amountOf(costs) } : {}),
      source: field(form, 'source'),
      ...(invoice ? { invoice } : {}),
      ...(kind === 'charge'
        ? { offset: { chargeId: id } }
        : kind === 'scheme'
          ? { offset: { schemeId: id } }
          : {}),
      ...(attachments.length > 0 ? { attachments } : {}),
    });
  }

  private submitExpense(e: Event): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const files = this.filesOf('expense-files');
    const attachments = files?.attachments ?? [];
    void this.send('expense', form, files, {
      type: 'fund.expense',
      fundId: this.paths.fundId,
      amount: amountOf(field(form, 'amount')),
      receipt: field(form, 'receipt'),
      description: field(form, 'description'),
      ...(attachments.length > 0 ? { attachments } : {}),
    });
  }

  /** Sends a form's command; on success clears the form, on refusal shows and focuses the error. */
  private async send(
    key: string,
    form: HTMLFormElement | undefined,
    files: AttachmentField | null,
    command: Record<string, unknown>,
  ): Promise<boolean> {
    if (this.busy) return false;
    if (files?.unsettled) {
      this.done = undefined;
      this.refused = undefined;
      this.waiting = key;
      await this.focusAlert();
      return false;
    }
    this.waiting = undefined;
    this.busy = true;
    const answer = await this.context.api.send('POST', this.paths.commands, { command });
    this.busy = false;
    if (!answer.ok) {
      this.done = undefined;
      this.refused = { key, error: answer.error };
      await this.focusAlert();
      return false;
    }
    this.refused = undefined;
    form?.reset();
    files?.clear();
    this.done = t(this.locale, 'saved');
    await this.replica.governance?.refresh().catch(() => undefined);
    return true;
  }

  private async focusAlert(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[role=alert]')?.focus();
  }

  private askReverse(entryId: string): void {
    this.reversing = entryId;
    this.refused = undefined;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#confirm-${entryId}`)?.focus(),
    );
  }

  private cancelReverse(entryId: string): void {
    this.reversing = undefined;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#reverse-${entryId}`)?.focus(),
    );
  }

  private async reverse(e: Event, entryId: string): Promise<void> {
    e.preventDefault();
    const reason = field(e.target as HTMLFormElement, 'reason');
    const sent = await this.send(`reverse-${entryId}`, undefined, null, {
      type: 'fund.reverse',
      fundId: this.paths.fundId,
      entryId,
      reason,
    });
    if (sent || this.refused?.key === `reverse-${entryId}`) this.reversing = undefined;
    if (!sent) await this.focusAlert();
  }

  /** Opens an attachment: a photo in the page, a PDF saved (the bytes need the organizer's token). */
  private async openFile(e: Event, a: Attachment): Promise<void> {
    e.preventDefault();
    const answer = await this.context.api.file(this.paths.attachment(a.sha256));
    if (!answer.ok) {
      this.refused = { key: `file-${a.sha256}`, error: answer.error };
      return;
    }
    if (!a.type.startsWith('image/')) {
      saveFile(answer.value, a.name ?? `${a.sha256.slice(0, 16)}.pdf`);
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      this.opened = new Map([...this.opened, [a.sha256, String(reader.result)]]);
    };
    reader.readAsDataURL(answer.value);
  }

  private async export(ext: 'csv' | 'xlsx'): Promise<void> {
    const answer = await this.context.api.file(this.paths.ledger(ext, this.locale));
    if (!answer.ok) {
      this.refused = { key: 'export', error: answer.error };
      await this.focusAlert();
      return;
    }
    saveFile(answer.value, `${this.paths.fundId}-ledger.${ext}`);
  }
}

if (!customElements.get('linli-fund-books-screen'))
  customElements.define('linli-fund-books-screen', BooksScreen);

declare global {
  interface HTMLElementTagNameMap {
    'linli-fund-books-screen': BooksScreen;
  }
}
