import { fen, formatMoney } from '@linli/core';
import { html, nothing, type TemplateResult } from 'lit';
import { translator } from '../../shell/strings.js';
import { isAbout } from '../screen-element.js';
import { fundStrings } from './fund.strings.js';
import { askedVsBudget, type FundDraft } from './fund-draft.js';
import { type Form, fieldError } from './wizard-sections.js';

const t = translator(fundStrings);
const value = (e: Event) => (e.target as HTMLInputElement).value;

/**
 * The project fund's section: the budget in yuan, a cost for each project (the options), the rule,
 * and the preview of what the projects ask against the budget. Amounts stay text until sent; the
 * core refuses a bad one beside its field.
 */
export function fundSection(f: Form, fund: FundDraft, hints: readonly string[]): TemplateResult {
  const l = f.locale;
  const setFund = (change: Partial<FundDraft>) => f.set({ fund: { ...fund, ...change } });
  const amountBad = isAbout(f.error, ['funding']);
  return html`<fieldset class="fund">
    <legend>${t(l, 'fund')}</legend>
    <div class="field">
      <label for="fund-amount">${t(l, 'amount')}</label>
      <input
        id="fund-amount"
        type="text"
        inputmode="decimal"
        autocomplete="off"
        placeholder=${t(l, 'amountHint')}
        .value=${fund.amount}
        aria-invalid=${amountBad ? 'true' : 'false'}
        aria-describedby=${amountBad ? 'err-funding' : nothing}
        @input=${(e: Event) => setFund({ amount: value(e) })}
      />
      ${fieldError(f, 'funding')}
    </div>
    ${f.draft.options.map((o, i) => {
      const project = o.label.trim() || hints[i] || String(i + 1);
      const bad = isAbout(f.error, ['options', i, 'cost']);
      return html`<div class="field">
        <label for="cost-${o.id}">${t(l, 'cost', { project })}</label>
        <input
          id="cost-${o.id}"
          type="text"
          inputmode="decimal"
          autocomplete="off"
          .value=${fund.costs[o.id] ?? ''}
          aria-invalid=${bad ? 'true' : 'false'}
          @input=${(e: Event) => setFund({ costs: { ...fund.costs, [o.id]: value(e) } })}
        />
      </div>`;
    })}
    <fieldset>
      <legend>${t(l, 'selection')}</legend>
      ${(['equalShares', 'greedy'] as const).map(
        (s) => html`<label class="choice">
          <input type="radio" name="selection" .checked=${fund.selection === s} @change=${() => setFund({ selection: s })} />
          ${t(l, `selection_${s}`)}
        </label>`,
      )}
    </fieldset>
    ${fundPreview(f, fund)}
  </fieldset>`;
}

/** What the projects ask in total against the budget, as the organizer types. */
function fundPreview(f: Form, fund: FundDraft): TemplateResult {
  const l = f.locale;
  const { asked, budget, uncosted } = askedVsBudget(fund, f.draft.options);
  const money = (amount: number) => formatMoney(fen(amount), l);
  return html`<section class="card" aria-live="polite" id="fund-preview">
    <p><strong>${t(l, 'preview', { asked: money(asked), budget: budget === undefined ? '—' : money(budget) })}</strong></p>
    ${
      budget === undefined
        ? html`<p>${t(l, 'previewNoBudget')}</p>`
        : asked > budget
          ? html`<p>${t(l, 'previewOver', { over: money(asked - budget) })}</p>`
          : html`<p>${t(l, 'previewWithin')}</p>`
    }
    ${uncosted > 0 ? html`<p>${t(l, 'previewUncosted', { n: String(uncosted) })}</p>` : nothing}
  </section>`;
}
