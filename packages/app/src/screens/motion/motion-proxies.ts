import type { Governance, LinliError, Locale, Motion, ProxyAuthorization } from '@linli/core';
import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { ApiClient } from '../../api/api-client.js';
import { screenStyles } from '../../shell/screen-styles.js';
import { isAbout } from '../screen-element.js';
import { holderLabel } from './holder-label.js';
import { motionStyles } from './motion.styles.js';
import { t } from './proxies.strings.js';
import { findRoom, roomLabel, roomsOf, withRoomNames } from './room-lookup.js';

type Holder = 'household' | 'person';

/**
 * The proxies (委托书) of an open motion: the current ones with a revoke button each (`proxy.revoke`),
 * and a form that registers a signed paper (`proxy.grant`): the household giving it by room, the holder
 * — another household by room (recorded by its unit id, so the cap counts it however the room is
 * typed) or a person by name — the paper's reference and, optionally, where its scan is kept. The cap and every other rule are the
 * core's: a refusal is its typed error, shown beside the field it names.
 *
 * @event linli-proxies-changed - A proxy was registered or revoked (the page reloads its history).
 */
export class MotionProxies extends LitElement {
  static override properties: PropertyDeclarations = {
    governance: { attribute: false },
    motion: { attribute: false },
    head: { attribute: false },
    api: { attribute: false },
    community: { attribute: false },
    locale: { attribute: false },
    holderKind: { state: true },
    error: { state: true },
    done: { state: true },
    busy: { state: true },
  };
  static override styles = [screenStyles, motionStyles];

  declare governance: Governance;
  declare motion: Motion;
  /** The replica's log head: a new one at each event, so the list is read again (a proxy changes no motion field). */
  declare head: unknown;
  declare api: ApiClient;
  declare community: string;
  declare locale: Locale;
  declare holderKind: Holder;
  declare error: LinliError | { readonly path: readonly string[]; readonly text: string } | undefined;
  declare done: string;
  declare busy: boolean;

  constructor() {
    super();
    this.holderKind = 'household';
    this.error = undefined;
    this.done = '';
    this.busy = false;
  }

  private proxies(): ProxyAuthorization[] {
    const id = this.motion.id;
    return this.governance.read((s) => [...(s.voting.motions.get(id)?.proxies.values() ?? [])]);
  }

  private holderName(holder: string): string {
    return holderLabel(this.governance, holder, this.locale);
  }

  private voterName(voterId: string): string {
    const voter = this.motion.electorate.find((v) => v.id === voterId);
    const unit = voter?.unitIds[0];
    return unit ? t(this.locale, 'room', { room: roomLabel(this.governance, unit) }) : voterId;
  }

  private message(path: string): string | undefined {
    const e = this.error;
    if (!e) return undefined;
    if ('text' in e) return e.path[0] === path ? e.text : undefined;
    return isAbout(e, [path]) ? e.message[this.locale] : undefined;
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const proxies = this.proxies();
    const general =
      this.error && !['voterId', 'holder', 'paperRef', 'scanRef'].some((p) => this.message(p) !== undefined)
        ? 'text' in this.error
          ? this.error.text
          : this.error.message[l]
        : undefined;
    return html`<section aria-labelledby="proxies-h">
      <h2 id="proxies-h">${t(l, 'heading')}</h2>
      <p>${t(l, 'intro')}</p>
      <h3>${t(l, 'current')}</h3>
      ${
        proxies.length === 0
          ? html`<p>${t(l, 'none')}</p>`
          : html`<ul class="plain" id="proxy-list">
            ${proxies.map((p) => this.renderProxy(p, l))}
          </ul>`
      }
      <form class="card" id="proxy-form" aria-labelledby="register-h" @submit=${this.grant}>
        <h3 id="register-h">${t(l, 'register')}</h3>
        ${this.field('proxy-voter', 'voterRoom', 'voterId', true)}
        <fieldset>
          <legend>${t(l, 'holderKind')}</legend>
          ${(['household', 'person'] as const).map(
            (kind) => html`<label class="choice">
              <input type="radio" name="holder-kind" value=${kind} .checked=${this.holderKind === kind}
                @change=${() => {
                  this.holderKind = kind;
                }} />
              ${t(l, kind === 'household' ? 'holderHousehold' : 'holderPerson')}
            </label>`,
          )}
        </fieldset>
        ${this.field('proxy-holder', this.holderKind === 'household' ? 'holderRoom' : 'holderName', 'holder', true)}
        ${this.field('proxy-ref', 'paperRef', 'paperRef', true)}
        ${this.field('proxy-scan', 'scanRef', 'scanRef', false)}
        ${general ? html`<p class="alert" role="alert">${general}</p>` : nothing}
        <p role="status" class="done">${this.done}</p>
        <div class="row">
          <button type="submit" class="primary" id="proxy-submit" ?disabled=${this.busy}>${t(l, 'submit')}</button>
        </div>
      </form>
    </section>`;
  }

  private field(
    id: string,
    label: 'voterRoom' | 'holderRoom' | 'holderName' | 'paperRef' | 'scanRef',
    path: string,
    required: boolean,
  ): TemplateResult {
    const problem = this.message(path);
    return html`<div class="field">
      <label for=${id}>${t(this.locale, label)}</label>
      <input id=${id} name=${path} type="text" autocomplete="off" ?required=${required}
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${problem ? `${id}-error` : nothing} />
      ${problem ? html`<p class="error" id=${`${id}-error`}>${problem}</p>` : nothing}
    </div>`;
  }

  private renderProxy(p: ProxyAuthorization, l: Locale): TemplateResult {
    const voter = this.voterName(p.voterId);
    const scan = p.scanRef === undefined ? '' : t(l, 'scanned', { scan: p.scanRef });
    const entry = t(l, 'entry', { voter, holder: this.holderName(p.holder), ref: p.paperRef }) + scan;
    return html`<li>
      <span>${entry} ${p.revoked ? t(l, 'revoked') : nothing}</span>
      ${
        p.revoked
          ? nothing
          : html`<span><button type="button" aria-label=${t(l, 'revoke', { voter })}
              @click=${() => this.revoke(p)}>${t(l, 'revokeShort')}</button></span>`
      }
    </li>`;
  }

  /** A typed room as the unit it names, or the local reason it names none (nothing is sent then). */
  private unitOf(typed: string, path: string): { unitId: string; voterId?: string } | undefined {
    const match = findRoom(roomsOf(this.governance), this.motion, typed);
    if (match.kind === 'unit') {
      const voterId = match.voter?.id;
      return voterId === undefined ? { unitId: match.unit.unitId } : { unitId: match.unit.unitId, voterId };
    }
    const key = match.kind === 'none' ? 'noRoom' : 'ambiguous';
    this.error = { path: [path], text: t(this.locale, key, { room: typed.trim() }) };
    return undefined;
  }

  private async grant(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    this.error = undefined;
    this.done = '';
    const voter = this.unitOf(value('voterId'), 'voterId');
    if (!voter) return;
    let holder = value('holder');
    if (this.holderKind === 'household') {
      const unit = this.unitOf(holder, 'holder');
      if (!unit) return;
      holder = unit.unitId;
    }
    const command = {
      type: 'proxy.grant',
      motionId: this.motion.id,
      // A unit not on the roll is sent as itself: the core refuses it as not eligible.
      voterId: voter.voterId ?? voter.unitId,
      holder,
      paperRef: value('paperRef'),
      ...(value('scanRef') === '' ? {} : { scanRef: value('scanRef') }),
    };
    this.busy = true;
    const answer = await this.api.send('POST', `/c/${encodeURIComponent(this.community)}/commands`, {
      command,
    });
    this.busy = false;
    if (!answer.ok) {
      this.error = withRoomNames(answer.error, this.governance, this.motion);
      return;
    }
    const entry = t(this.locale, 'entry', {
      voter: this.voterName(command.voterId),
      holder: this.holderName(holder),
      ref: command.paperRef,
    });
    this.done = t(this.locale, 'registered', { entry });
    for (const name of ['voterId', 'holder', 'paperRef', 'scanRef'])
      (form.elements.namedItem(name) as HTMLInputElement).value = '';
    this.dispatchEvent(new CustomEvent('linli-proxies-changed', { bubbles: true, composed: true }));
  }

  private async revoke(p: ProxyAuthorization): Promise<void> {
    const command = { type: 'proxy.revoke', motionId: this.motion.id, proxyId: p.id };
    const answer = await this.api.send('POST', `/c/${encodeURIComponent(this.community)}/commands`, {
      command,
    });
    this.error = answer.ok ? undefined : answer.error;
    if (answer.ok)
      this.dispatchEvent(new CustomEvent('linli-proxies-changed', { bubbles: true, composed: true }));
  }
}

if (!customElements.get('linli-motion-proxies')) customElements.define('linli-motion-proxies', MotionProxies);
