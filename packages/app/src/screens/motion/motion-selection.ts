import { fen, formatMoney, type Locale, type Motion } from '@linli/core';
import { html, nothing, type TemplateResult } from 'lit';
import { translator } from '../../shell/strings.js';

const t = translator({
  heading: { 'zh-CN': '预算分配结果', en: 'What the budget funds' },
  method_equalShares: { 'zh-CN': '按平等份额法选出', en: 'Chosen by the Method of Equal Shares' },
  method_greedy: { 'zh-CN': '按票多优先选出', en: 'Chosen by most votes first' },
  spent: {
    'zh-CN': '预算 {budget}，立项 {spent}，剩余 {left}',
    en: 'Budget {budget}; funded {spent}; {left} left',
  },
  failed: {
    'zh-CN': '这次表决没有达到通过规则，所以不立项。下面是按规则本来会选出的项目。',
    en: 'The vote did not meet its rule, so nothing is funded. Below is what the rule would have chosen.',
  },
  line: { 'zh-CN': '费用 {cost} · 支持 {votes} 票', en: 'Cost {cost} · {votes} votes' },
  funded: { 'zh-CN': '入选', en: 'Funded' },
  notFunded: { 'zh-CN': '未入选', en: 'Not funded' },
  why: { 'zh-CN': '原因：{why}', en: 'Why: {why}' },
});

/**
 * A closed budget's selection as the core recorded it at close: each project with its cost, its
 * votes, funded or not, and the core's reason in the page's language. Nothing is recomputed here.
 */
export function selectionSection(m: Motion, l: Locale): TemplateResult | typeof nothing {
  const selection = m.result?.selection;
  if (!selection) return nothing;
  const passed = m.result?.outcome === 'passed';
  const money = (amount: number) => formatMoney(fen(amount), l);
  const option = new Map(m.options.map((o) => [o.id, o]));
  return html`<section aria-labelledby="selection-h">
    <h2 id="selection-h">${t(l, 'heading')}</h2>
    <p>${t(l, `method_${selection.method}`)}</p>
    <p id="selection-sum">
      <strong>${t(l, 'spent', {
        budget: money(selection.budget),
        spent: money(passed ? selection.spent : 0),
        left: money(selection.budget - (passed ? selection.spent : 0)),
      })}</strong>
    </p>
    ${passed ? nothing : html`<p class="alert">${t(l, 'failed')}</p>`}
    <ul class="plain selection">
      ${selection.outcomes.map((o) => {
        const project = option.get(o.projectId);
        const funded = passed && o.funded;
        return html`<li data-project=${o.projectId} data-funded=${funded ? 'yes' : 'no'}>
          <strong>${project?.label ?? o.projectId} · ${funded ? `✔ ${t(l, 'funded')}` : t(l, 'notFunded')}</strong>
          <span>${t(l, 'line', { cost: money(project?.cost ?? 0), votes: String(o.approvals) })}</span>
          <span>${t(l, 'why', { why: o.reason[l] })}</span>
        </li>`;
      })}
    </ul>
  </section>`;
}
