import { type Locale, type Motion, plainNeeds, type ReadModels, type Tally } from '@linli/core';
import { html, nothing, type TemplateResult } from 'lit';
import { t } from './vote.strings.js';

/** What residents call a unit: "102室" / "Room 102". */
export function roomLabel(gov: ReadModels, unitId: string, locale: Locale): string {
  const room = gov.unit(unitId)?.room ?? unitId;
  return locale === 'zh-CN' ? `${room}室` : `Room ${room}`;
}

/**
 * How a result reads to a resident: a yes/no motion passed or failed; an election or choice by who or
 * what won (never "passed"); a text motion with the text it adopted.
 */
function renderOutcome(m: Motion, tally: Tally, locale: Locale): TemplateResult {
  const certain = tally.final ? '' : ` ${t(locale, 'certainNow')}`;
  if (m.kind !== 'proposal') {
    const names = tally.winners.map((id) => m.options.find((o) => o.id === id)?.label ?? id);
    if (names.length === 0)
      return html`<p part="summary" aria-live="polite">${t(locale, tally.outcome === 'tied' ? 'tiedPlain' : 'noWinner')}${certain}</p>`;
    const key = m.electsRole ? 'elected' : 'chosen';
    return html`<p part="summary" aria-live="polite">
      ${t(locale, key, { names: names.join(locale === 'zh-CN' ? '、' : ', ') })}${certain}
    </p>`;
  }
  const key =
    tally.outcome === 'passed' ? 'passedPlain' : tally.outcome === 'failed' ? 'failedPlain' : 'tiedPlain';
  const adopted = tally.outcome === 'passed' ? m.result?.adoptedText : undefined;
  return html`<p part="summary" aria-live="polite" data-outcome=${tally.outcome}>${t(locale, key)}${certain}</p>
    ${
      adopted
        ? html`<figure part="adopted">
          <figcaption>${t(locale, 'adoptedText')}</figcaption>
          <blockquote>${adopted}</blockquote>
        </figure>`
        : nothing
    }`;
}

/**
 * The top of the card, in plain words before any figure: the result once it is certain, else what the
 * motion still needs (the core's {@link plainNeeds}: consent first, no fractions); a secret count says
 * when it will be published.
 */
export function renderPlain(
  gov: ReadModels,
  m: Motion,
  tally: Tally | undefined,
  locale: Locale,
): TemplateResult {
  if (!tally || m.status === 'draft' || m.status === 'cancelled') return html``;
  if (tally.hidden) return html`<p part="summary" aria-live="polite">${t(locale, 'secret')}</p>`;
  if (tally.final || tally.decidedEarly) return renderOutcome(m, tally, locale);
  const needs = plainNeeds(m, tally, (id, loc) => roomLabel(gov, id, loc));
  // A motion with no condition to meet (an election that simply counts) is told by its turnout.
  return needs
    ? html`<p part="summary" aria-live="polite" data-needs=${needs.kind}>${needs.text[locale]}</p>`
    : html`<p part="summary" aria-live="polite">${t(locale, 'turnout', { voted: tally.votedVoters, eligible: tally.eligibleVoters })}</p>`;
}
