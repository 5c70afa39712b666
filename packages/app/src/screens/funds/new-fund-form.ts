import {
  formatMoney,
  type Governance,
  type LinliError,
  type Money,
  previewScheme,
  type ShareTable,
  schemeUnitsOf,
} from '@linli/core';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { roomsOf } from '../motion/room-lookup.js';
import { isAbout, ScreenElement } from '../screen-element.js';
import { fundPaths } from './fund-paths.js';
import { t } from './funds.strings.js';
import { fundStyles } from './funds.styles.js';
import { costOf, emptyDraft, floorsOf, type SchemeDraft, schemeCommand, scopeOf } from './scheme-draft.js';

/** What has been recorded of a fund being created, so pressing again continues instead of repeating. */
interface Progress {
  readonly fundId?: string;
  readonly schemeId?: string;
}

type Events = { events: { type: string; payload: Record<string, unknown> }[] };

/**
 * The new-fund form: name, budget, the cost-share scheme (scope, floor coefficients × area or area or
 * equal, a subsidy taken off first, exemptions with reasons) and a live preview of every household's
 * share — the core's `previewScheme`, the very computation the pledge books, re-run at each keystroke.
 * Creating sends `fund.open`, `scheme.define` and `fund.pledge`; a refusal shows inline, and what was
 * already recorded is not sent again.
 */
export class NewFundForm extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    governance: { attribute: false },
    draft: { state: true },
    error: { state: true },
    progress: { state: true },
    busy: { state: true },
  };
  static override styles = [ScreenElement.styles, fundStyles];

  declare governance: Governance | undefined;
  declare draft: SchemeDraft | undefined;
  declare error: LinliError | undefined;
  declare progress: Progress;
  declare busy: boolean;

  constructor() {
    super();
    this.governance = undefined;
    this.draft = undefined;
    this.error = undefined;
    this.progress = {};
    this.busy = false;
  }

  private scopes(gov: Governance): { value: string; label: string }[] {
    const l = this.locale;
    return gov.read((s) => [
      ...[...s.community.buildings.values()].map((b) => ({ value: `building:${b.id}`, label: b.name })),
      ...[...s.community.stairwells.values()].map((w) => ({
        value: `stairwell:${w.id}`,
        label: `${s.community.buildings.get(w.buildingId)?.name ?? ''} ${w.name}`.trim(),
      })),
      { value: 'community', label: t(l, 'wholeCommunity') },
    ]);
  }

  protected override render(): TemplateResult {
    const gov = this.governance;
    if (!gov) return html``;
    const scopes = this.scopes(gov);
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const draft = this.draft ?? emptyDraft(scopes[0]?.value ?? 'community', due);
    const units = gov.read((s) => schemeUnitsOf(s.community, scopeOf(draft) as never));
    const preview = gov.read((s) =>
      previewScheme(s.community, schemeCommand(draft, roomsOf(gov)), costOf(draft)),
    );
    return html`<form @submit=${(e: Event) => this.create(e, draft)} @input=${() => this.readForm()}
        @change=${() => this.readForm()} aria-describedby="preview-h">
      ${this.textField('fund-name', 'name', t(this.locale, 'fundName'), draft.name)}
      ${this.textField('fund-budget', 'budget', t(this.locale, 'budgetYuan'), draft.budget, 'decimal')}
      ${this.textField('fund-cost', 'cost', t(this.locale, 'costYuan'), draft.cost, 'decimal')}
      ${this.renderScheme(draft, scopes, floorsOf(units))}
      <div class="field">
        <label for="fund-due">${t(this.locale, 'due')}</label>
        <input id="fund-due" name="due" type="date" .value=${draft.due} />
      </div>
      ${this.error ? html`<p class="alert" role="alert" tabindex="-1" id="create-error">${this.progress.fundId === undefined ? '' : `${t(this.locale, 'partly')} `}${this.error.message[this.locale]}</p>` : nothing}
      <div class="actions"><button type="submit" class="primary" id="create-fund" ?disabled=${this.busy}>${t(this.locale, 'create')}</button></div>
    </form>
    ${this.renderPreview(preview.ok ? preview.value : preview.error)}`;
  }

  private textField(id: string, name: string, label: string, value: string, mode = 'text'): TemplateResult {
    const invalid = isAbout(this.error, [name]);
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} name=${name} type="text" inputmode=${mode} autocomplete="off" .value=${value}
        aria-invalid=${invalid ? 'true' : 'false'} />
    </div>`;
  }

  private renderScheme(
    draft: SchemeDraft,
    scopes: readonly { value: string; label: string }[],
    floors: readonly number[],
  ): TemplateResult {
    const l = this.locale;
    const option = (value: string, label: string, current: string) =>
      html`<option value=${value} ?selected=${value === current}>${label}</option>`;
    return html`<div class="field">
        <label for="fund-scope">${t(l, 'scope')}</label>
        <select id="fund-scope" name="scope">${scopes.map((s) => option(s.value, s.label, draft.scope))}</select>
      </div>
      <div class="field">
        <label for="fund-basis">${t(l, 'basis')}</label>
        <select id="fund-basis" name="basis">
          ${option('floorCoefficients', t(l, 'basisFloor'), draft.basis)}
          ${option('area', t(l, 'basisArea'), draft.basis)}
          ${option('equal', t(l, 'basisEqual'), draft.basis)}
        </select>
      </div>
      ${
        draft.basis === 'floorCoefficients'
          ? html`<fieldset><legend>${t(l, 'coefficients')}</legend><div class="floors">
            ${floors.map(
              (
                f,
              ) => html`<div class="field"><label for="coef-${f}">${t(l, 'floor', { floor: String(f) })}</label>
                <input id="coef-${f}" name="coef-${f}" type="text" inputmode="decimal" autocomplete="off"
                  .value=${draft.coefficients[String(f)] ?? '1.00'} /></div>`,
            )}</div></fieldset>`
          : nothing
      }
      <fieldset>
        <legend>${t(l, 'subsidy')}</legend>
        <div class="field">
          <label for="subsidy-kind">${t(l, 'subsidy')}</label>
          <select id="subsidy-kind" name="subsidyKind">
            ${option('none', t(l, 'subsidyNone'), draft.subsidyKind)}
            ${option('fixed', t(l, 'subsidyFixed'), draft.subsidyKind)}
            ${option('percent', t(l, 'subsidyPercent'), draft.subsidyKind)}
          </select>
        </div>
        ${draft.subsidyKind === 'none' ? nothing : this.textField('subsidy', 'subsidy', t(l, 'subsidyValue'), draft.subsidy, 'decimal')}
      </fieldset>
      ${this.renderExemptions(draft)}`;
  }

  private renderExemptions(draft: SchemeDraft): TemplateResult {
    const l = this.locale;
    const set = (exemptions: SchemeDraft['exemptions']) => {
      this.draft = { ...draft, exemptions };
    };
    return html`<fieldset>
      <legend>${t(l, 'exemptions')}</legend>
      ${draft.exemptions.map(
        (e, i) => html`<div class="row">
          <div class="field"><label for="ex-room-${i}">${t(l, 'room')}</label>
            <input id="ex-room-${i}" name="ex-room-${i}" type="text" autocomplete="off" .value=${e.room}
              aria-invalid=${isAbout(this.error, ['exemptions', i]) ? 'true' : 'false'} /></div>
          <div class="field"><label for="ex-reason-${i}">${t(l, 'reason')}</label>
            <input id="ex-reason-${i}" name="ex-reason-${i}" type="text" autocomplete="off" .value=${e.reason} /></div>
          <button type="button" @click=${() => set(draft.exemptions.filter((_, j) => j !== i))}>${t(l, 'remove')}</button>
        </div>`,
      )}
      <div class="actions"><button type="button" id="add-exemption"
        @click=${() => set([...draft.exemptions, { room: '', reason: '' }])}>${t(l, 'addExemption')}</button></div>
    </fieldset>`;
  }

  /** The core's share table, or its refusal of the draft as it stands. */
  private renderPreview(table: ShareTable | LinliError): TemplateResult {
    const l = this.locale;
    const money = (fen: number) => formatMoney(fen as Money, l);
    const heading = html`<h3 id="preview-h">${t(l, 'preview')}</h3>`;
    if ('code' in table)
      return html`<section aria-labelledby="preview-h" aria-live="polite">${heading}
        <p class="hint" id="preview-problem">${table.message[l]}</p></section>`;
    const total = table.rows.reduce((sum, r) => sum + r.share, 0);
    return html`<section aria-labelledby="preview-h" aria-live="polite">${heading}
      <p id="guarantee">${t(l, 'guarantee', { subsidy: money(table.subsidy), net: money(table.net) })}</p>
      <div class="table-region" role="region" tabindex="0" aria-labelledby="preview-h">
      <table id="preview">
        <thead><tr><th>${t(l, 'room')}</th><th class="num">${t(l, 'coefficient')}</th><th class="num">${t(l, 'quota')}</th>
          <th class="num">${t(l, 'rounding')}</th><th class="num">${t(l, 'share')}</th><th>${t(l, 'note')}</th></tr></thead>
        <tbody>${table.rows.map(
          (r) => html`<tr data-unit=${r.unitId}><td>${r.room}</td>
            <td class="num">${r.coefficient === null ? '' : (r.coefficient / 100).toFixed(2)}</td>
            <td class="num">${r.quota}</td><td class="num">${r.rounding}</td>
            <td class="num share">${money(r.share)}</td>
            <td class="wrap">${r.exempt === undefined ? '' : t(l, 'exempt', { reason: r.exempt })}</td></tr>`,
        )}</tbody>
        <tfoot><tr><th>${t(l, 'total')}</th><td></td><td></td><td></td><td class="num" id="preview-total">${money(total)}</td><td></td></tr></tfoot>
      </table></div>
    </section>`;
  }

  /** The draft as the form now shows it. */
  private readForm(): void {
    const form = this.renderRoot.querySelector('form');
    if (!form) return;
    const data = new FormData(form);
    const get = (name: string) => String(data.get(name) ?? '');
    const coefficients: Record<string, string> = {};
    for (const [key, value] of data) if (key.startsWith('coef-')) coefficients[key.slice(5)] = String(value);
    const exemptions = (this.draft?.exemptions ?? []).map((_, i) => ({
      room: get(`ex-room-${i}`),
      reason: get(`ex-reason-${i}`),
    }));
    this.draft = {
      name: get('name'),
      budget: get('budget'),
      cost: get('cost'),
      scope: get('scope'),
      basis: get('basis') as SchemeDraft['basis'],
      coefficients,
      subsidyKind: get('subsidyKind') as SchemeDraft['subsidyKind'],
      subsidy: get('subsidy'),
      exemptions,
      due: get('due'),
    };
  }

  private async send(command: Record<string, unknown>): Promise<Events['events'] | undefined> {
    const answer = await this.context.api.send<Events>(
      'POST',
      `/c/${encodeURIComponent(this.context.params.community ?? '')}/commands`,
      { command },
    );
    if (answer.ok) return answer.value.events;
    this.error = answer.error;
    return undefined;
  }

  /** Opens the fund, defines its scheme and pledges the shares, each step once. */
  private async create(e: Event, draft: SchemeDraft): Promise<void> {
    e.preventDefault();
    const gov = this.governance;
    if (this.busy || !gov) return;
    this.busy = true;
    this.error = undefined;
    await this.steps(draft, gov);
    this.busy = false;
    await gov.refresh().catch(() => undefined);
    if (this.error) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#create-error')?.focus();
    }
  }

  private async steps(draft: SchemeDraft, gov: Governance): Promise<void> {
    let { fundId, schemeId } = this.progress;
    if (fundId === undefined) {
      // No budget typed is a budget of ¥0; anything else goes to the core as converted or as typed.
      const budget = draft.budget.trim() === '' ? 0 : costOf({ ...draft, cost: draft.budget });
      const opened = await this.send({ type: 'fund.open', name: draft.name, budget });
      fundId = opened?.[0]?.payload.id as string | undefined;
      if (fundId === undefined) return;
      this.progress = { fundId };
    }
    // A draft the preview refuses is refused the same way by scheme.define: send it for its error.
    if (schemeId === undefined) {
      const defined = await this.send(schemeCommand(draft, roomsOf(gov)));
      schemeId = defined?.[0]?.payload.schemeId as string | undefined;
      if (schemeId === undefined) return;
      this.progress = { fundId, schemeId };
    }
    const pledged = await this.send({
      type: 'fund.pledge',
      fundId,
      schemeId,
      cost: costOf(draft),
      due: draft.due,
    });
    if (!pledged) return;
    this.progress = {};
    this.draft = undefined;
    this.context.navigate(fundPaths({ community: this.context.params.community, fund: fundId }).fund);
  }
}

if (!customElements.get('linli-new-fund-form')) customElements.define('linli-new-fund-form', NewFundForm);
