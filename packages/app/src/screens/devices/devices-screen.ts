import type { LinliError } from '@linli/core';
import { qrCode } from '@linli/widgets/qr';
import { css, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import * as z from 'zod/mini';
import { screenStyles } from '../../shell/screen-styles.js';
import { householdLabel } from '../../shell/strings.js';
import { ScreenElement } from '../screen-element.js';
import { t } from './devices.strings.js';

/** `GET /c/:id/session/devices`, as the server answers it. */
const devicesAnswer = z.object({
  household: z.string(),
  devices: z.array(
    z.object({
      id: z.string(),
      addedAt: z.nullable(z.string()),
      addedBy: z.nullable(z.enum(['invite', 'pairing'])),
      current: z.boolean(),
    }),
  ),
});
type Device = z.infer<typeof devicesAnswer>['devices'][number];

/** `POST /c/:id/session/devices/codes`: a one-time code and when it stops working. */
const codeAnswer = z.object({ code: z.string(), expiresAt: z.string() });
type AddCode = z.infer<typeof codeAnswer>;

/** A refusal the page makes itself, when the server's answer is not what it said it would be. */
const garbled = (what: string): LinliError => ({
  code: 'http.bad_json',
  path: [what],
  params: {},
  message: {
    'zh-CN': '服务器的回答看不懂，请刷新后再试。',
    en: "The server's answer could not be read; reload and try again.",
  },
});

/**
 * A household's devices at `/c/:community/devices`: the devices it is signed in on (this one marked),
 * a one-time code and QR code that signs a family member's phone in, ending another device, and
 * signing this one out — the household's last device only after the server's warning
 * (`auth.last_device`) was shown and confirmed, since the printed code is used up by then. Every
 * decision is the server's; the page shows its answers and refusals inline.
 */
export class DevicesScreen extends ScreenElement {
  static override styles = [
    screenStyles,
    css`
      ul.devices {
        list-style: none;
        padding: 0;
        margin: 0 0 1.5em;
        display: grid;
        gap: 0.75em;
      }
      ul.devices .card {
        margin: 0;
      }
      .code {
        display: grid;
        gap: 0.75em;
        justify-items: start;
      }
      .code svg {
        width: min(16em, 100%);
        height: auto;
        border: 1px solid var(--linli-color-border);
      }
      code.secret {
        font-size: 1.6em;
        letter-spacing: 0.08em;
      }
      button.danger {
        background: var(--linli-color-danger);
        border-color: var(--linli-color-danger);
        color: var(--linli-color-on-primary);
      }
      section {
        margin: 0 0 2em;
      }
      /* Unit ids and the sign-in address have no spaces: they wrap anywhere rather than scroll sideways. */
      p,
      li {
        overflow-wrap: anywhere;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    devices: { state: true },
    error: { state: true },
    addCode: { state: true },
    warning: { state: true },
    note: { state: true },
    busy: { state: true },
  };

  /** The household's devices, once loaded. */
  declare devices: readonly Device[] | undefined;
  /** The last refusal, shown inline where it happened. */
  declare error: { readonly where: 'list' | 'add' | 'end' | 'out'; readonly error: LinliError } | undefined;
  declare addCode: AddCode | undefined;
  /** The server's last-device warning, waiting for the resident's answer. */
  declare warning: LinliError | undefined;
  /** A success line ("that device has been signed out"). */
  declare note: string | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.devices = undefined;
    this.error = undefined;
    this.addCode = undefined;
    this.warning = undefined;
    this.note = undefined;
    this.busy = false;
  }

  private get community(): string {
    return this.context.params.community ?? '';
  }

  private get base(): string {
    return `/c/${encodeURIComponent(this.community)}`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('context') && changed.get('context')?.params.community !== this.community)
      void this.load();
  }

  private async load(): Promise<void> {
    const answer = await this.context.api.request<unknown>(`${this.base}/session/devices`);
    if (!answer.ok) {
      this.error = { where: 'list', error: answer.error };
      return;
    }
    const parsed = devicesAnswer.safeParse(answer.value);
    if (parsed.success) this.devices = parsed.data.devices;
    else this.error = { where: 'list', error: garbled('devices') };
  }

  private async showCode(): Promise<void> {
    this.busy = true;
    const answer = await this.context.api.send<unknown>('POST', `${this.base}/session/devices/codes`);
    this.busy = false;
    this.note = undefined;
    if (!answer.ok) {
      this.error = { where: 'add', error: answer.error };
      return;
    }
    const parsed = codeAnswer.safeParse(answer.value);
    this.addCode = parsed.success ? parsed.data : undefined;
    this.error = parsed.success ? undefined : { where: 'add', error: garbled('code') };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#add-code')?.focus();
  }

  private async endOther(device: Device): Promise<void> {
    this.busy = true;
    const answer = await this.context.api.send(
      'DELETE',
      `${this.base}/session/devices/${encodeURIComponent(device.id)}`,
    );
    // The list is read again before "that device is signed out" shows, so the note never stands beside
    // the device it says is gone.
    await this.load();
    this.busy = false;
    this.error = answer.ok ? undefined : { where: 'end', error: answer.error };
    this.note = answer.ok ? t(this.locale, 'ended') : undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(answer.ok ? '#note' : '#end-error')?.focus();
  }

  private async signOut(lastConfirmed: boolean): Promise<void> {
    this.busy = true;
    const answer = await this.context.sessions.signOut(this.community, this.context.api, lastConfirmed);
    this.busy = false;
    if (answer.ok) {
      this.context.navigate(`${this.base}/sign-in`);
      return;
    }
    const lastDevice = answer.error.code === 'auth.last_device';
    this.warning = lastDevice ? answer.error : undefined;
    this.error = lastDevice ? undefined : { where: 'out', error: answer.error };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(lastDevice ? '#last-device' : '#out-error')?.focus();
  }

  private async keep(): Promise<void> {
    this.warning = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#sign-out')?.focus();
  }

  private when(iso: string): string {
    return new Intl.DateTimeFormat(this.locale, {
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(iso));
  }

  private errorLine(where: 'list' | 'add' | 'end' | 'out'): TemplateResult | typeof nothing {
    if (this.error?.where !== where) return nothing;
    return html`<p class="error" id="${where}-error" role="alert" tabindex="-1">${this.error.error.message[this.locale]}</p>`;
  }

  /** One device; the others are numbered in the order they signed in ("another device 2"). */
  private renderDevice(device: Device, number: number): TemplateResult {
    const l = this.locale;
    const name = device.current ? t(l, 'thisDevice') : t(l, 'otherDevice', { n: String(number) });
    const when = device.addedAt ? t(l, 'addedAt', { when: this.when(device.addedAt) }) : t(l, 'addedEarlier');
    const how =
      device.addedBy === 'invite' ? t(l, 'byInvite') : device.addedBy === 'pairing' ? t(l, 'byPairing') : '';
    return html`<li class="card">
      <p><strong>${name}</strong></p>
      <p class="hint">${how ? t(l, 'addedHow', { when, how }) : when}</p>
      ${
        device.current
          ? nothing
          : html`<p><button type="button" ?disabled=${this.busy} @click=${() => this.endOther(device)}>
              ${t(l, 'endOther', { which: name })}
            </button></p>`
      }
    </li>`;
  }

  /** This device first, then the others in the order they signed in. */
  private renderDevices(devices: readonly Device[]): TemplateResult {
    const others = devices.filter((device) => !device.current);
    const mine = devices.filter((device) => device.current);
    return html`<ul class="devices" aria-label=${t(this.locale, 'listLabel')}>
      ${mine.map((device) => this.renderDevice(device, 0))}
      ${others.map((device, i) => this.renderDevice(device, i + 1))}
    </ul>`;
  }

  private renderAddCode(code: AddCode): TemplateResult {
    const l = this.locale;
    const signInPage = `${location.origin}${this.base}/sign-in`;
    const link = `${signInPage}?code=${encodeURIComponent(code.code)}`;
    const time = new Intl.DateTimeFormat(l, { hour: '2-digit', minute: '2-digit' }).format(
      new Date(code.expiresAt),
    );
    return html`<div class="code card">
      <p id="add-code-label">${t(l, 'codeLabel')}</p>
      <code class="secret" id="add-code" tabindex="-1" aria-labelledby="add-code-label">${code.code}</code>
      <p>${t(l, 'codeRules', { time })}</p>
      ${qrCode(link, t(l, 'qrLabel', { code: code.code }))}
      <p class="hint">${t(l, 'typeAt', { page: signInPage })}</p>
    </div>`;
  }

  private renderSignOut(): TemplateResult {
    const l = this.locale;
    const only = this.devices?.length === 1;
    return html`<section aria-labelledby="out-title">
      <h2 id="out-title">${t(l, 'signOutTitle')}</h2>
      <p>${t(l, 'signOutHint')}</p>
      ${only ? html`<p class="hint">${t(l, 'onlyDevice')}</p>` : nothing}
      ${
        this.warning
          ? html`<div class="alert" id="last-device" role="alert" tabindex="-1">
              <p>${this.warning.message[l]}</p>
              <p class="row">
                <button type="button" id="sign-out-anyway" class="danger" ?disabled=${this.busy} @click=${() => this.signOut(true)}>
                  ${t(l, 'signOutAnyway')}
                </button>
                <button type="button" id="keep" class="primary" @click=${() => this.keep()}>${t(l, 'keep')}</button>
              </p>
            </div>`
          : html`<p><button type="button" id="sign-out" ?disabled=${this.busy} @click=${() => this.signOut(false)}>
              ${t(l, 'signOut')}
            </button></p>`
      }
      ${this.errorLine('out')}
    </section>`;
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const session = this.context.session;
    // Named by building and room, as the header names it; never the unit id.
    const unit = session?.kind === 'household' ? householdLabel(session, l) : '';
    return html`<h1 tabindex="-1">${t(l, 'title')}</h1>
      <p>${t(l, 'intro', { unit })}</p>
      ${this.errorLine('list')}
      ${
        this.devices
          ? this.renderDevices(this.devices)
          : this.error?.where === 'list'
            ? nothing
            : html`<p role="status">${t(l, 'loading')}</p>`
      }
      ${this.note ? html`<p id="note" role="status" tabindex="-1">${this.note}</p>` : nothing}
      ${this.errorLine('end')}
      <section aria-labelledby="add-title">
        <h2 id="add-title">${t(l, 'addTitle')}</h2>
        <p>${t(l, 'addHint')}</p>
        ${this.addCode ? this.renderAddCode(this.addCode) : nothing}
        <p><button type="button" id="show-code" class="primary" ?disabled=${this.busy} @click=${() => this.showCode()}>
          ${t(l, this.addCode ? 'newCode' : 'showCode')}
        </button></p>
        ${this.errorLine('add')}
      </section>
      ${this.renderSignOut()}`;
  }
}

if (!customElements.get('linli-devices-screen')) customElements.define('linli-devices-screen', DevicesScreen);
