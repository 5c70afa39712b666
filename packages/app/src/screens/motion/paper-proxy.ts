import type { Governance, Locale, ProxyAuthorization } from '@linli/core';
import { html, nothing, type TemplateResult } from 'lit';
import { holderLabel } from './holder-label.js';
import { t } from './paper.strings.js';

/**
 * The registered, unrevoked 委托书 of `voterId` on the motion: the proxies whose holder's paper the
 * organizer may enter for that room. A holder need not be a household (a neighbour's relative, by
 * name): on paper the organizer casts for them. `chosen` stays listed even once revoked (by another
 * organizer meanwhile), so that the core's `proxy.revoked` refusal shows beside it.
 */
export function activeProxiesOf(
  gov: Governance,
  motionId: string,
  voterId: string,
  chosen?: string,
): ProxyAuthorization[] {
  return gov.read((s) =>
    [...(s.voting.motions.get(motionId)?.proxies.values() ?? [])].filter(
      (p) => p.voterId === voterId && (!p.revoked || p.id === chosen),
    ),
  );
}

/**
 * The holder of a proxy on the motion (revoked ones too: a ballot keeps the proxy it used), named as
 * {@link holderLabel} names them: a room or a name, never an id.
 */
export function proxyHolderOf(
  gov: Governance,
  motionId: string,
  proxyId: string | undefined,
  locale: Locale,
): string | undefined {
  if (proxyId === undefined) return undefined;
  const holder = gov.read((s) => s.voting.motions.get(motionId)?.proxies.get(proxyId)?.holder);
  return holder === undefined ? undefined : holderLabel(gov, holder, locale);
}

/** What the "who signed" choice needs from the page. */
export interface ProxyChoiceProps {
  /** The replica, to name each holder by room or name. */
  readonly governance: Pick<Governance, 'read'>;
  readonly room: string;
  readonly proxies: readonly ProxyAuthorization[];
  /** The chosen proxy's id; `undefined` when the household signed itself. */
  readonly chosen: string | undefined;
  readonly problem: string | undefined;
  readonly locale: Locale;
  readonly change: (proxyId: string | undefined) => void;
}

/**
 * "Who signed this paper?": the household itself, or the holder of one of its 委托书 — shown only when
 * the room has an active proxy. Radios, so Tab reaches the choice and the arrow keys change it.
 */
export function proxyChoice(p: ProxyChoiceProps): TemplateResult | typeof nothing {
  if (p.proxies.length === 0) return nothing;
  const l = p.locale;
  const option = (id: string | undefined, label: string) => html`<label class="choice">
    <input type="radio" name="signer" value=${id ?? ''} .checked=${p.chosen === id}
      @change=${() => p.change(id)} />
    ${label}
  </label>`;
  return html`<fieldset id="signer" aria-describedby=${p.problem ? 'signer-error' : nothing}>
    <legend>${t(l, 'whoSigned')}</legend>
    <div class="choices">
      ${option(undefined, t(l, 'signedByVoter', { room: p.room }))}
      ${p.proxies.map((proxy) => option(proxy.id, t(l, 'signedByProxy', { holder: holderLabel(p.governance, proxy.holder, l), ref: proxy.paperRef })))}
    </div>
    ${p.problem ? html`<p class="error" id="signer-error">${p.problem}</p>` : nothing}
  </fieldset>`;
}
