import type { Locale, Motion } from '@linli/core';
import { html, nothing, type TemplateResult } from 'lit';
import { t } from './paper.strings.js';
import type { MarksInput, PaperMode } from './paper-marks.js';

/** What the marks fieldset needs from the page: the marks so far, a problem's words, and how to change them. */
export interface MarksFormProps {
  readonly motion: Pick<Motion, 'options'>;
  readonly mode: Exclude<PaperMode, 'choice'>;
  readonly marks: MarksInput;
  readonly problem: string | undefined;
  readonly locale: Locale;
  readonly change: (marks: MarksInput) => void;
}

const keyed = (i: number) => (i < 9 ? html`<kbd>${i + 1}</kbd>` : nothing);

/**
 * The marks of one paper of an approval, score, dot or ranked motion, keyboard first: approval —
 * number keys tick and untick options; score and dot — a number per option (Tab between them);
 * ranked — the options' numbers typed in the voter's order (`3 1 2`). Whether the marks make a valid
 * ballot is the core's answer when the paper is entered.
 */
export function marksForm(p: MarksFormProps): TemplateResult {
  const l = p.locale;
  const error = p.problem ? html`<p class="error" id="choice-error">${p.problem}</p>` : nothing;
  const described = p.problem ? 'choice-error' : nothing;
  if (p.mode === 'ranked')
    return html`<div class="field">
      <p id="order-options" class="hint">${p.motion.options.map((o, i) => html`<span class="opt">${i + 1} = ${o.label}</span> `)}</p>
      <label for="order">${t(l, 'order')}</label>
      <input id="order" type="text" inputmode="numeric" autocomplete="off" .value=${p.marks.order}
        aria-invalid=${p.problem ? 'true' : 'false'}
        aria-describedby=${p.problem ? 'order-options choice-error' : 'order-options'}
        @input=${(e: Event) => p.change({ ...p.marks, order: (e.target as HTMLInputElement).value })} />
      ${error}
    </div>`;
  if (p.mode === 'approval')
    return html`<fieldset id="choices" aria-describedby=${described}
      @keydown=${(e: KeyboardEvent) => toggleByKey(e, p)}>
      <legend>${t(l, 'tick', { n: String(Math.min(p.motion.options.length, 9)) })}</legend>
      <div class="choices">
        ${p.motion.options.map(
          (o, i) => html`<label class="choice">
            <input type="checkbox" name="mark" value=${String(i)} .checked=${p.marks.picked[i] === true}
              @change=${(e: Event) => p.change(withPicked(p.marks, i, (e.target as HTMLInputElement).checked))} />
            ${keyed(i)} ${o.label}
          </label>`,
        )}
      </div>
      ${error}
    </fieldset>`;
  return html`<fieldset id="choices" aria-describedby=${described}>
    <legend>${t(l, p.mode === 'score' ? 'scoreEach' : 'pointsEach')}</legend>
    <div class="choices">
      ${p.motion.options.map(
        (o, i) => html`<div class="field mark">
          <label for=${`mark-${i}`}>${keyed(i)} ${o.label}</label>
          <input id=${`mark-${i}`} type="text" inputmode="numeric" autocomplete="off" size="4"
            .value=${p.marks.numbers[i] ?? ''}
            @input=${(e: Event) => p.change(withNumber(p.marks, i, (e.target as HTMLInputElement).value))} />
        </div>`,
      )}
    </div>
    ${error}
  </fieldset>`;
}

function withPicked(marks: MarksInput, i: number, on: boolean): MarksInput {
  const picked = [...marks.picked];
  picked[i] = on;
  return { ...marks, picked };
}

function withNumber(marks: MarksInput, i: number, value: string): MarksInput {
  const numbers = [...marks.numbers];
  numbers[i] = value;
  return { ...marks, numbers };
}

/** Keys 1–9 tick or untick an option while focus is on the options. */
function toggleByKey(event: KeyboardEvent, p: MarksFormProps): void {
  const n = Number.parseInt(event.key, 10);
  if (!(n >= 1 && n <= Math.min(p.motion.options.length, 9))) return;
  event.preventDefault();
  p.change(withPicked(p.marks, n - 1, p.marks.picked[n - 1] !== true));
}

/** No marks yet, for a motion with `options` options. */
export const noMarks = (options: number): MarksInput => ({
  picked: Array.from({ length: options }, () => false),
  numbers: Array.from({ length: options }, () => ''),
  order: '',
});
