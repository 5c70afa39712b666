import { dotBudget, type Locale, type Motion } from '@linli/core';
import { html, type TemplateResult } from 'lit';
import { t } from './vote.strings.js';

/** A dot vote being filled in: points by option id. */
export interface DotDraft {
  readonly kind: 'dot';
  readonly points: ReadonlyMap<string, number>;
}

/** Every option at zero points. */
export function emptyDotDraft(m: Motion): DotDraft {
  return { kind: 'dot', points: new Map(m.options.map((o) => [o.id, 0])) };
}

/**
 * A dot vote's ballot: one pair of stepper buttons per option (keyboard-usable, 44 px like every
 * control), and the points left, announced politely as they change. The buttons stop at zero and at
 * the budget, so the form cannot build a ballot the core would refuse for its points.
 */
export function renderDotBallot(
  m: Motion,
  draft: DotDraft,
  locale: Locale,
  change: (draft: DotDraft) => void,
): TemplateResult {
  const budget = dotBudget(m);
  const spent = [...draft.points.values()].reduce((sum, p) => sum + p, 0);
  const step = (id: string, by: number) => {
    const next = new Map(draft.points);
    next.set(id, (next.get(id) ?? 0) + by);
    change({ kind: 'dot', points: next });
  };
  return html`<fieldset>
    <legend>${m.title}</legend>
    <p part="budget" aria-live="polite">${t(locale, 'pointsLeft', { n: budget - spent, budget })}</p>
    ${m.options.map((o) => {
      const n = draft.points.get(o.id) ?? 0;
      return html`<div part="points" class="points">
        <span>${t(locale, n === 1 ? 'pointsOne' : 'pointsMany', { option: o.label, n })}</span>
        <button
          type="button"
          aria-label=${t(locale, 'removePoint', { option: o.label })}
          ?disabled=${n === 0}
          @click=${() => step(o.id, -1)}
        >
          −
        </button>
        <button
          type="button"
          aria-label=${t(locale, 'addPoint', { option: o.label })}
          ?disabled=${spent >= budget}
          @click=${() => step(o.id, 1)}
        >
          +
        </button>
      </div>`;
    })}
  </fieldset>`;
}
