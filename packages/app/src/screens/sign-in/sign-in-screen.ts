import type { LinliError } from '@linli/core';
import { effect } from '@preact/signals-core';
import {
  type CSSResultGroup,
  css,
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { residentModule } from '../../shell/resident-module.js';
import { householdEndpoint } from '../../shell/session.js';
import { householdLabel, organizerLabel, shellStrings, translator } from '../../shell/strings.js';
import { ScreenElement } from '../screen-element.js';

const t = translator({
  loading: shellStrings.loading,
  loadFailed: shellStrings.loadFailed,
  retry: shellStrings.retry,
  title: { 'zh-CN': '登录', en: 'Sign in' },
  titleOrganizer: { 'zh-CN': '组织者登录', en: 'Organizer sign-in' },
  intro: {
    'zh-CN': '社区“{community}”。组织者用运行服务器的人给的令牌登录，住户用入户邀请码登录。',
    en: 'Community "{community}". Organizers sign in with the token whoever runs the server gave them; households with their invite code.',
  },
  introOrganizer: {
    'zh-CN': '这一页只对社区“{community}”的组织者开放。请粘贴运行服务器的人给您的组织者令牌。',
    en: 'This page is for the organizers of community "{community}". Paste the organizer token whoever runs the server gave you.',
  },
  organizer: { 'zh-CN': '组织者', en: 'Organizer' },
  token: { 'zh-CN': '组织者令牌', en: 'Organizer token' },
  tokenHint: {
    'zh-CN': '令牌只保存在这个浏览器标签页里，关闭标签页即退出。',
    en: 'The token is kept in this browser tab only; closing the tab signs you out.',
  },
  signIn: { 'zh-CN': '登录', en: 'Sign in' },
  notOrganizer: {
    'zh-CN': '这个令牌属于住户，不是组织者。',
    en: 'This token belongs to a household, not an organizer.',
  },
  tokenRefused: {
    'zh-CN':
      '这个组织者令牌对社区“{community}”无效（或已被撤销）。请向运行服务器的人要一个新令牌，他们用 linli-server organizer add 签发。',
    en: 'This organizer token is not valid for community "{community}" (or it was revoked). Ask whoever runs the server for a new one; they issue it with linli-server organizer add.',
  },
  signedIn: { 'zh-CN': '已登录：{who}', en: 'Signed in: {who}' },
  toMotions: { 'zh-CN': '查看议题并投票', en: 'Motions and votes' },
  toHouseholdHome: { 'zh-CN': '去我家的页面', en: 'Go to my household' },
  toHome: { 'zh-CN': '进入组织者首页', en: 'Go to the organizer home' },
});

type Form = 'organizer' | 'household';

/** What the server answers a token it does not accept for this community (unknown, another's, revoked). */
const TOKEN_REFUSED: ReadonlySet<string> = new Set(['auth.required', 'auth.forbidden']);

/**
 * Sign-in to one community: an organizer pastes the token `linli-server organizer add` printed; a
 * household types its invite code into `<linli-sign-in>` from `@linli/widgets` — the very element
 * community websites embed, so the household sign-in is built once. The element comes with the
 * residents' module (`dist/resident.js`, which the household's home needs next anyway), not in the
 * first load: the organizer's form shows at once, the household's as soon as the module arrives. Shown at `/c/:community/sign-in`,
 * and in place of any screen whose audience the reader is not signed in as — then that screen follows
 * as soon as the sign-in succeeds.
 */
export class SignInScreen extends ScreenElement {
  // The element's parts, matched to the organizer's form above it: the same width, a muted hint, a
  // full-width field and a bold refusal.
  static override styles: CSSResultGroup = [
    ScreenElement.styles,
    css`
      linli-sign-in {
        display: block;
        max-width: 32em;
        margin-block-start: 0.6em;
      }
      linli-sign-in::part(input) {
        max-width: none;
      }
      linli-sign-in::part(hint) {
        color: var(--linli-color-muted);
      }
      linli-sign-in::part(error) {
        font-weight: 600;
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    only: { type: String },
    error: { state: true },
    failed: { state: true },
    busy: { state: true },
    missing: { state: true },
  };

  /** Show only this form (a gate in front of an organizer's or a household's screen). */
  declare only: Form | undefined;
  declare error: LinliError | undefined;
  /** Which form the error belongs to (the household's: the server could not say who a new session is). */
  declare failed: Form | undefined;
  declare busy: boolean;
  /** The server has no such community (`http.not_found`): there is nothing to sign in to. */
  declare missing: LinliError | undefined;

  constructor() {
    super();
    this.only = undefined;
    this.error = undefined;
    this.failed = undefined;
    this.busy = false;
    this.missing = undefined;
  }

  #unwatch: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // The household's form is the residents' module's <linli-sign-in>: load it, and redraw as it arrives.
    this.#unwatch = effect(() => {
      residentModule.state.value;
      this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatch?.();
    this.#unwatch = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('context') && changed.get('context')?.params.community !== this.community)
      void this.probe();
  }

  /**
   * Whether the community exists, before anyone types a secret: `GET /session` without a token is
   * `http.not_found` for a community the server does not host, and `auth.required` for one it does.
   */
  private async probe(): Promise<void> {
    if (this.context.session) return;
    const answer = await this.context.api.request(`/c/${encodeURIComponent(this.community)}/session`);
    this.missing = !answer.ok && answer.error.code === 'http.not_found' ? answer.error : undefined;
  }

  private get community(): string {
    return this.context.params.community ?? '';
  }

  /**
   * A code the link carries (`?code=`, from the QR code another device of the household shows), put
   * in the form for the resident to send: only something shaped like a code is taken.
   */
  private get linkedCode(): string {
    const code = new URLSearchParams(location.search).get('code') ?? '';
    return /^[2-9A-Za-z]{5}-?[2-9A-Za-z]{5}$/.test(code) ? code : '';
  }

  private async submitOrganizer(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const value = String(new FormData(event.target as HTMLFormElement).get('token') ?? '');
    this.busy = true;
    const { sessions, api } = this.context;
    const answer = await sessions.signInOrganizer(this.community, value, api);
    this.busy = false;
    const wrongKind = answer.ok && answer.value?.kind !== 'organizer';
    this.failed = !answer.ok || wrongKind ? 'organizer' : undefined;
    this.error = answer.ok ? undefined : answer.error;
    if (this.failed) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#organizer-input')?.focus();
      return;
    }
    this.arrive('organizer');
  }

  /**
   * `<linli-sign-in>` kept the household's session (the key the shell reads): the shell asks the server
   * who it is, as on any page load, and the household goes on.
   */
  private async onHouseholdSignedIn(): Promise<void> {
    const { sessions, api } = this.context;
    const answer = await sessions.restore(this.community, api);
    this.failed = answer.ok ? undefined : 'household';
    this.error = answer.ok ? undefined : answer.error;
    if (answer.ok) this.arrive('household');
  }

  /**
   * A sign-in page of its own sends an organizer on to their home and a household to its own; a gate
   * simply gives way. A used code leaves the address bar (and the history) at once.
   */
  private arrive(form: Form): void {
    const replace = form === 'household' && this.linkedCode !== '';
    if (!this.only)
      this.context.navigate(
        `/c/${encodeURIComponent(this.community)}/${form === 'organizer' ? 'organizer' : 'home'}`,
        { replace },
      );
    else if (replace) this.context.navigate(location.pathname, { replace: true });
  }

  /**
   * Why the organizer's sign-in failed, in the page's language. A refused token gets its own words: the
   * server's generic "sign in first" reads as if nothing had been typed, and does not say who can help.
   */
  private failure(): string {
    const l = this.locale;
    if (!this.error) return t(l, 'notOrganizer');
    if (TOKEN_REFUSED.has(this.error.code)) return t(l, 'tokenRefused', { community: this.community });
    return this.error.message[l];
  }

  private renderOrganizerForm(): TemplateResult {
    const l = this.locale;
    const message = this.failed === 'organizer' ? this.failure() : undefined;
    return html`<form @submit=${(e: SubmitEvent) => this.submitOrganizer(e)} novalidate>
      <fieldset>
        <legend>${t(l, 'organizer')}</legend>
        <div class="field">
          <label for="organizer-input">${t(l, 'token')}</label>
          <input
            id="organizer-input"
            name="token"
            type="password"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            required
            aria-invalid=${message ? 'true' : 'false'}
            aria-describedby="organizer-hint${message ? ' organizer-error' : ''}"
          />
          <p class="hint" id="organizer-hint">${t(l, 'tokenHint')}</p>
          ${message ? html`<p class="error" id="organizer-error" role="alert">${message}</p>` : nothing}
        </div>
        <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>${t(l, 'signIn')}</button></div>
      </fieldset>
    </form>`;
  }

  /**
   * The household's form: the widgets' element, following the page's language (and, through the
   * `--linli-*` properties the shell puts on `<html>`, its theme and large text). A household already
   * signed in here is greeted by the card above instead.
   */
  private renderHouseholdForm(): TemplateResult | typeof nothing {
    if (this.context.session?.kind === 'household') return nothing;
    const l = this.locale;
    if (!customElements.get('linli-sign-in')) {
      const state = residentModule.state.value;
      if (state === 'idle') queueMicrotask(() => residentModule.load());
      return state === 'failed'
        ? html`<p class="alert" role="alert">${t(l, 'loadFailed')}</p>
            <button type="button" @click=${() => residentModule.load()}>${t(l, 'retry')}</button>`
        : html`<p role="status">${t(l, 'loading')}</p>`;
    }
    return html`<linli-sign-in
        lang=${l}
        endpoint=${householdEndpoint(this.community)}
        code=${this.linkedCode}
        @linli-signed-in=${() => this.onHouseholdSignedIn()}
      ></linli-sign-in>
      ${
        this.failed === 'household' && this.error
          ? html`<p class="error" id="household-error" role="alert">${this.error.message[l]}</p>`
          : nothing
      }`;
  }

  private renderSignedIn(): TemplateResult | typeof nothing {
    const session = this.context.session;
    if (!session || this.only) return nothing;
    const l = this.locale;
    const who = session.kind === 'organizer' ? organizerLabel(session, l) : householdLabel(session, l);
    return html`<p class="card" role="status">
      ${t(l, 'signedIn', { who })}
      ${
        session.kind === 'organizer'
          ? html`<br /><a href="/c/${encodeURIComponent(this.community)}/organizer">${t(l, 'toHome')}</a>`
          : html`<br /><a id="to-home" href="/c/${encodeURIComponent(this.community)}/home">${t(l, 'toHouseholdHome')}</a>
              <br /><a id="to-motions" href="/c/${encodeURIComponent(this.community)}/motions">${t(l, 'toMotions')}</a>`
      }
    </p>`;
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const community = this.community;
    const organizerOnly = this.only === 'organizer';
    return html`<h1>${t(l, organizerOnly ? 'titleOrganizer' : 'title')}</h1>
      <p>${t(l, organizerOnly ? 'introOrganizer' : 'intro', { community })}</p>
      ${this.missing ? html`<p class="alert" role="alert">${this.missing.message[l]}</p>` : nothing}
      ${this.renderSignedIn()}
      ${this.missing || this.only === 'household' ? nothing : this.renderOrganizerForm()}
      ${this.missing || this.only === 'organizer' ? nothing : this.renderHouseholdForm()}`;
  }
}

if (!customElements.get('linli-sign-in-screen')) customElements.define('linli-sign-in-screen', SignInScreen);
