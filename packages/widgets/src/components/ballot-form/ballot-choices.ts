import { dotBudget, type Locale, type Motion } from '@linli/core';
import { html, type TemplateResult } from 'lit';
import { t } from './ballot-form.strings.js';

/** An empty box to tick or write in, read out as what it is for. */
const box = (label: string) => html`<span class="box" role="img" aria-label=${label}></span>`;

const SCORES = [0, 1, 2, 3, 4, 5] as const;

/** What the voter is told to do for this kind of motion. */
export function instructions(m: Motion, locale: Locale): string {
  switch (m.kind) {
    case 'approval':
      return t(locale, 'approval', { min: m.minChoices ?? 0, max: m.maxChoices ?? m.options.length });
    case 'dot':
      return t(locale, 'dot', { budget: dotBudget(m) });
    default:
      return t(locale, m.kind);
  }
}

/** The answer boxes, laid out for the motion's kind. */
export function renderChoices(m: Motion, locale: Locale): TemplateResult {
  if (m.kind === 'proposal') {
    const answers = m.allowBlock
      ? (['yes', 'no', 'abstain', 'block'] as const)
      : (['yes', 'no', 'abstain'] as const);
    return html`<ul class="answers" data-kind="proposal">
      ${answers.map((a) => html`<li>${box(t(locale, a))}<span>${t(locale, a)}</span></li>`)}
    </ul>`;
  }
  if (m.kind === 'score')
    return html`<ul class="options" data-kind="score">
      ${m.options.map(
        (o) => html`<li><span class="label">${o.label}</span>
          <span class="scores">${SCORES.map((s) => html`<span class="score">${s}</span>`)}</span></li>`,
      )}
    </ul>`;
  return html`<ul class="options" data-kind=${m.kind}>
    ${m.options.map((o) => html`<li>${box(o.label)}<span class="label">${o.label}</span></li>`)}
  </ul>`;
}
