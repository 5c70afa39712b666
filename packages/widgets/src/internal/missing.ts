import type { Locale } from '@linli/core';
import { html, type TemplateResult } from 'lit';
import type { GovernanceController } from './governance-controller.js';
import { commonStrings, translator } from './strings.js';

const t = translator(commonStrings);

/** What an element shows before it has data: loading, why loading failed, or that nothing is connected. */
export function renderMissing(live: GovernanceController, locale: Locale): TemplateResult {
  if (live.loadError)
    return html`<p part="error" role="alert">${t(locale, 'loadFailed', { reason: live.loadError })}</p>`;
  return html`<p role="status">${t(locale, live.loading ? 'loading' : 'noGovernance')}</p>`;
}
