import type { LinliError } from '@linli/core';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { roleName, roleNames } from '../../shell/strings.js';
import { isAbout, ScreenElement } from '../screen-element.js';
import { t } from './setup.strings.js';

/** Where the setup token waits in this tab between reading it from the link and using it. */
export const SETUP_TOKEN_KEY = 'linli-setup-token';

/** A community the server hosts, as `GET /communities` lists it. */
interface Listed {
  readonly id: string;
  readonly name: string;
}

/** What `POST /setup` answers. */
interface Founded {
  readonly community: { readonly id: string; readonly name: string };
  readonly organizer: { readonly id: string; readonly name: string; readonly role: string };
  readonly token: string;
}

type Phase = 'checking' | 'closed' | 'no-token' | 'form' | 'done';

/** The form's fields, with the path of the typed error that belongs beside each. */
const FIELDS = {
  id: ['community', 'id'],
  name: ['community', 'name'],
  organizer: ['organizer', 'name'],
  role: ['organizer', 'role'],
} as const;

type Field = keyof typeof FIELDS;

/** The text fields a person must fill in, in the form's order (the role always has a choice). */
const REQUIRED = ['id', 'name', 'organizer'] as const;
type TextField = (typeof REQUIRED)[number];

/** Each text field's label, which its "please fill in" message repeats. */
const LABELS = { id: 'communityId', name: 'communityName', organizer: 'organizerName' } as const;

/**
 * The first-run page (`/setup`): takes the one-time token from the link's fragment (and removes it
 * from the address bar), asks for the community's id and name and the first organizer's name and
 * role, and shows the organizer's token once with a "write this down" step. The server decides
 * everything; a refusal is shown beside its field, in the page's language.
 */
export class SetupScreen extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    phase: { state: true },
    error: { state: true },
    busy: { state: true },
    founded: { state: true },
    kept: { state: true },
    empty: { state: true },
    listed: { state: true },
  };

  declare phase: Phase;
  declare error: LinliError | undefined;
  declare busy: boolean;
  declare founded: Founded | undefined;
  /** The organizer ticked "I have written it down". */
  declare kept: boolean;
  /** The required fields left empty at the last submit, each marked beside itself. */
  declare empty: ReadonlySet<TextField>;
  /** Once setup is closed: the communities to sign in to instead. */
  declare listed: readonly Listed[];
  #token: string | undefined;

  constructor() {
    super();
    this.phase = 'checking';
    this.error = undefined;
    this.busy = false;
    this.founded = undefined;
    this.kept = false;
    this.empty = new Set();
    this.listed = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#token = this.#takeToken();
    void this.#check();
  }

  /** The token from `#token=…`, kept for this tab (a reload still works) and removed from the address bar. */
  #takeToken(): string | undefined {
    const fromLink = new URLSearchParams(window.location.hash.slice(1)).get('token');
    if (fromLink) {
      sessionStorage.setItem(SETUP_TOKEN_KEY, fromLink);
      this.context.navigate(window.location.pathname, { replace: true });
    }
    return sessionStorage.getItem(SETUP_TOKEN_KEY) ?? undefined;
  }

  async #check(): Promise<void> {
    const status = await this.context.api.request<{ open: boolean }>('/setup/status');
    if (!status.ok) {
      this.error = status.error;
      this.phase = 'form';
      return;
    }
    if (!status.value.open) return this.#closed();
    this.phase = this.#token ? 'form' : 'no-token';
  }

  /**
   * Setup is over (not a mistake): the page says the server is set up and leads to each community's
   * sign-in. A one-time link kept in this tab is of no more use.
   */
  async #closed(): Promise<void> {
    sessionStorage.removeItem(SETUP_TOKEN_KEY);
    this.error = undefined;
    this.phase = 'closed';
    const listed = await this.context.api.request<readonly Listed[]>('/communities');
    this.listed = listed.ok ? listed.value : [];
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const field = (name: Field) => String(data.get(name) ?? '').trim();
    // Every empty field at once, not one refusal per round trip: the server would name only the first.
    this.empty = new Set(REQUIRED.filter((name) => field(name) === ''));
    if (this.empty.size > 0) {
      this.error = undefined;
      await this.updateComplete;
      const first = REQUIRED.find((name) => this.empty.has(name));
      this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
      return;
    }
    this.busy = true;
    const answer = await this.context.api.send<Founded>('POST', '/setup', {
      token: this.#token ?? '',
      community: { id: field('id'), name: field('name') },
      organizer: { name: field('organizer'), role: String(data.get('role') ?? '') },
    });
    this.busy = false;
    if (!answer.ok) return this.#refused(answer.error);
    sessionStorage.removeItem(SETUP_TOKEN_KEY);
    const { community, token } = answer.value;
    await this.context.sessions.signInOrganizer(community.id, token, this.context.api);
    this.founded = answer.value;
    this.error = undefined;
    this.phase = 'done';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#done')?.focus();
  }

  async #refused(error: LinliError): Promise<void> {
    if (error.code === 'setup.closed') return this.#closed();
    this.error = error;
    await this.updateComplete;
    // Focus the field the error is about, else the message itself.
    const name = (Object.keys(FIELDS) as Field[]).find((f) => isAbout(error, FIELDS[f]));
    const target = name ? this.renderRoot.querySelector<HTMLElement>(`[name=${name}]`) : null;
    (target ?? this.renderRoot.querySelector<HTMLElement>('#form-error'))?.focus();
  }

  /** The message beside a field: it was left empty, or the server's refusal is about it. */
  private fieldMessage(name: Field): string | undefined {
    const l = this.locale;
    if (name !== 'role' && this.empty.has(name)) return t(l, 'fillIn', { field: t(l, LABELS[name]) });
    return isAbout(this.error, FIELDS[name]) ? this.error?.message[l] : undefined;
  }

  private fieldError(name: Field) {
    const message = this.fieldMessage(name);
    return message === undefined ? nothing : html`<p class="error" id="${name}-error">${message}</p>`;
  }

  private input(name: TextField, label: string, hint?: string): TemplateResult {
    const invalid = this.fieldMessage(name) !== undefined;
    const described = [hint ? `${name}-hint` : '', invalid ? `${name}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <input
        id=${name}
        name=${name}
        type="text"
        required
        autocomplete="off"
        spellcheck="false"
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${described || nothing}
      />
      ${hint ? html`<p class="hint" id="${name}-hint">${hint}</p>` : nothing} ${this.fieldError(name)}
    </div>`;
  }

  private renderForm(): TemplateResult {
    const l = this.locale;
    const general = this.error && !Object.values(FIELDS).some((path) => isAbout(this.error, path));
    return html`<p>${t(l, 'intro')}</p>
      ${general ? html`<p class="alert" id="form-error" role="alert" tabindex="-1">${this.error?.message[l]}</p>` : nothing}
      <form @submit=${this.submit} novalidate>
        <fieldset>
          <legend>${t(l, 'community')}</legend>
          ${this.input('id', t(l, 'communityId'), t(l, 'communityIdHint'))}
          ${this.input('name', t(l, 'communityName'), t(l, 'communityNameHint'))}
        </fieldset>
        <fieldset>
          <legend>${t(l, 'organizer')}</legend>
          ${this.input('organizer', t(l, 'organizerName'))}
          <fieldset aria-describedby=${isAbout(this.error, FIELDS.role) ? 'role-error' : nothing}>
            <legend>${t(l, 'role')}</legend>
            ${Object.keys(roleNames).map(
              (role, i) => html`<label class="choice">
                <input type="radio" name="role" value=${role} ?checked=${i === 0} />${roleName(role, l)}
              </label>`,
            )}
            ${this.fieldError('role')}
          </fieldset>
        </fieldset>
        <div>
          <button class="primary" type="submit" ?disabled=${this.busy}>
            ${t(l, this.busy ? 'creating' : 'create')}
          </button>
        </div>
      </form>`;
  }

  private renderClosed(): TemplateResult {
    const l = this.locale;
    return html`<p>${t(l, 'closed')}</p>
      ${
        this.listed.length === 0
          ? nothing
          : html`<h2>${t(l, 'communities')}</h2>
            <ul class="links">
              ${this.listed.map(
                (c) => html`<li><a href="/c/${encodeURIComponent(c.id)}/sign-in">${c.name}</a></li>`,
              )}
            </ul>`
      }`;
  }

  private renderDone(founded: Founded): TemplateResult {
    const l = this.locale;
    const { community, organizer, token } = founded;
    return html`<section class="card" id="done" tabindex="-1" aria-labelledby="done-title">
        <h2 id="done-title">${t(l, 'doneTitle')}</h2>
        <p>
          ${t(l, 'done', {
            name: community.name,
            id: community.id,
            organizer: organizer.name,
            role: roleName(organizer.role, l),
          })}
        </p>
      </section>
      <section aria-labelledby="token-title">
        <h2 id="token-title">${t(l, 'writeDown')}</h2>
        <p>${t(l, 'writeDownWhy')}</p>
        <code class="secret" aria-label=${t(l, 'writeDown')}>${token}</code>
        <p class="row no-print">
          <button type="button" @click=${() => window.print()}>${t(l, 'print')}</button>
        </p>
        <label class="choice no-print">
          <input type="checkbox" .checked=${this.kept} @change=${(e: Event) => {
            this.kept = (e.target as HTMLInputElement).checked;
          }} />${t(l, 'keptIt')}
        </label>
        ${
          this.kept
            ? html`<p class="no-print">
              <a class="action primary" href="/c/${encodeURIComponent(community.id)}/organizer">${t(l, 'onward')}</a>
            </p>`
            : nothing
        }
      </section>`;
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const body = {
      checking: () => html`<p role="status">${t(l, 'checking')}</p>`,
      closed: () => this.renderClosed(),
      'no-token': () => html`<p class="alert" role="alert">${t(l, 'noToken')}</p>`,
      form: () => this.renderForm(),
      done: () => (this.founded ? this.renderDone(this.founded) : nothing),
    }[this.phase]();
    return html`<h1>${t(l, this.phase === 'closed' ? 'titleClosed' : 'title')}</h1>
      ${body}`;
  }
}

if (!customElements.get('linli-setup-screen')) customElements.define('linli-setup-screen', SetupScreen);
