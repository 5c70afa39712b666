import { fen, formatMoney, type Locale, type Motion } from '@linli/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { MotionForHousehold } from './household-motions.js';
import { t } from './resident-motions.strings.js';

/** An amount of integer fen as money. */
const money = (amount: number, l: Locale) => formatMoney(fen(amount), l);

/** A closed motion's outcome in words, with its winners for a choice. */
export function outcomeText(item: MotionForHousehold, l: Locale): string {
  const { motion } = item;
  if (motion.status === 'cancelled') return t(l, 'cancelled');
  const outcome = motion.result?.outcome ?? item.tally?.outcome;
  const words =
    outcome === 'passed'
      ? t(l, 'passed')
      : outcome === 'failed'
        ? t(l, 'failed')
        : outcome === 'tied'
          ? t(l, 'tied')
          : '';
  const winners = (motion.result?.winners ?? [])
    .map((id) => motion.options.find((o) => o.id === id)?.label ?? id)
    .join(l === 'zh-CN' ? '、' : ', ');
  return motion.kind === 'proposal' || !winners ? words : t(l, 'winners', { names: winners });
}

/** A participatory budget's projects with their costs and the money to spend; once closed, which were funded. */
export function renderProjects(m: Motion, l: Locale): TemplateResult | typeof nothing {
  if (!m.funding) return nothing;
  const outcomes = new Map((m.result?.selection?.outcomes ?? []).map((o) => [o.projectId, o]));
  return html`<section aria-labelledby="projects-title">
      <h2 id="projects-title">${t(l, 'projects')}</h2>
      <p>${t(l, 'fundAmount', { amount: money(m.funding.amount, l) })}</p>
      <div class="card"><ul class="plain">
        ${m.options.map((o) => {
          const outcome = outcomes.get(o.id);
          return html`<li>
            <span>${o.label}</span>
            <span>${o.cost === undefined ? '' : money(o.cost, l)}${
              outcome ? html` · <strong>${t(l, outcome.funded ? 'funded' : 'notFunded')}</strong>` : nothing
            }</span>
          </li>`;
        })}
      </ul></div>
    </section>`;
}

/**
 * A closed (or cancelled) motion's result: the outcome, the winners in order, the adopted text, the
 * funded projects with their costs, and a link to the full 公示 at `/c/:community/motions/:motion/result`.
 */
export function renderResult(
  item: MotionForHousehold,
  l: Locale,
  community: string,
): TemplateResult | typeof nothing {
  const { motion: m } = item;
  const result = m.result;
  if (m.status !== 'closed' && m.status !== 'cancelled') return nothing;
  const label = (id: string) => m.options.find((o) => o.id === id)?.label ?? id;
  const selection = result?.selection;
  return html`<section aria-labelledby="result-title" id="result">
      <h2 id="result-title">${t(l, 'result')}</h2>
      <p><strong>${t(l, 'outcome', { outcome: outcomeText(item, l) })}</strong></p>
      ${
        result && result.winners.length > 0 && m.kind !== 'proposal' && !selection
          ? html`<h3>${t(l, 'winnersTitle')}</h3>
              <ol id="winners">${result.winners.map((id) => html`<li>${label(id)}</li>`)}</ol>`
          : nothing
      }
      ${
        result?.adoptedText
          ? html`<h3>${t(l, 'adoptedText')}</h3><p class="text card" id="adopted">${result.adoptedText}</p>`
          : nothing
      }
      ${
        selection
          ? html`<h3>${t(l, 'fundedProjects', { spent: money(selection.spent, l), budget: money(selection.budget, l) })}</h3>
              <ul class="plain" id="funded">
                ${selection.funded.map(
                  (id) =>
                    html`<li><span>${label(id)}</span><span>${money(m.options.find((o) => o.id === id)?.cost ?? 0, l)}</span></li>`,
                )}
              </ul>`
          : nothing
      }
      ${
        m.status === 'closed'
          ? html`<p><a href=${`/c/${encodeURIComponent(community)}/motions/${encodeURIComponent(m.id)}/result`}>${t(l, 'fullNotice')}</a></p>`
          : nothing
      }
    </section>`;
}
