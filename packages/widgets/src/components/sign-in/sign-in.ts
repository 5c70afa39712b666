import type { LinliError } from '@linli/core';
import { effect } from '@preact/signals-core';
import {
  type CSSResultGroup,
  css,
  html,
  LitElement,
  nothing,
  type PropertyDeclarations,
  type TemplateResult,
} from 'lit';
import type { LinliSignedInDetail } from '../../events.js';
import { baseStyles, controlStyles } from '../../internal/base-styles.js';
import { endpointSession, signInAt } from '../../internal/endpoint-session.js';
import { LocaleController } from '../../internal/locale-controller.js';
import { t } from './sign-in.strings.js';

const signInStyles = css`
  fieldset {
    border: 1px solid var(--linli-color-border, #57606a);
    border-radius: var(--linli-radius, 6px);
    margin: 0.5em 0;
    padding: 0.5em 1em 1em;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25em;
  }
  label {
    display: block;
    font-weight: 600;
    margin-block-end: 0.25em;
  }
  input {
    font: inherit;
    box-sizing: border-box;
    width: 100%;
    max-width: 20em;
    min-height: max(44px, var(--linli-target));
    padding: 0.4em 0.6em;
    border: 1px solid var(--linli-color-border, #57606a);
    border-radius: var(--linli-radius, 6px);
    background: var(--linli-color-surface, #ffffff);
    color: inherit;
    letter-spacing: 0.05em;
  }
  [part~='hint'] {
    margin: 0.25em 0 0.75em;
  }
  @media (prefers-color-scheme: dark) {
    input {
      background: var(--linli-color-surface, #161b22);
      border-color: var(--linli-color-border, #8b949e);
    }
    [part~='error'] {
      color: var(--linli-color-danger, #ff8182);
    }
  }
`;

/**
 * @tagname linli-sign-in
 * @summary A household signs in to a community on a Linli server with its printed invite code (or a
 * code another of its devices showed), inside the page — on the server's own pages or on the
 * community's website. The session is kept in this site's `localStorage` per `endpoint`, and every
 * data-bound element on the page with the same `endpoint` uses it at once. Once signed in it says who.
 * The server decides everything, including whether this site may sign in at all: its refusal shows
 * inline, in the reader's language.
 *
 * @fires {CustomEvent<LinliSignedInDetail>} linli-signed-in - A household signed in: `detail` is `{ endpoint, household }`.
 *
 * @attr {string} code - A code to put in the field for the reader to send (from a link); never sent without the reader.
 * @attr {string} lang - The reader's language, `zh-CN` or `en` (the native attribute): the element's own, else the nearest ancestor's, else the page's, followed live.
 * @prop {string} lang - The native `lang` property, reflecting the `lang` attribute.
 *
 * @csspart form - The sign-in form.
 * @csspart input - The code field.
 * @csspart hint - Where the code is found.
 * @csspart error - Why the sign-in failed (`role="alert"`).
 * @csspart submit - The sign-in button.
 * @csspart signed-in - Who is signed in (`role="status"`).
 *
 * @cssproperty --linli-color-primary - The sign-in button.
 * @cssproperty --linli-color-danger - The refusal.
 * @cssproperty --linli-font-scale - Multiplier for every size (large-text mode).
 */
export class LinliSignIn extends LitElement {
  static override styles: CSSResultGroup = [baseStyles, controlStyles, signInStyles];

  static override properties: PropertyDeclarations = {
    endpoint: { type: String },
    code: { type: String },
    largeText: { type: Boolean, attribute: 'large-text', reflect: true },
    error: { state: true },
    failed: { state: true },
    busy: { state: true },
  };

  /** The community on a Linli server (`https://host/c/<community>`, or `/c/<community>` on its own pages). */
  declare endpoint: string;
  /**
   * A code to put in the field for the reader to send (one a link carried, e.g. the residents' app's
   * `?code=` from another device's QR code). Never sent on its own: the reader presses sign in.
   */
  declare code: string;
  /** Larger text and targets for older readers. */
  declare largeText: boolean;
  /** The server's refusal (`undefined` with `failed`: unreachable or empty). */
  declare private error: LinliError | undefined;
  declare private failed: 'refused' | 'unreachable' | 'empty' | undefined;
  declare private busy: boolean;

  private readonly locales = new LocaleController(this);
  #unwatch: (() => void) | undefined;
  #watched = '';

  constructor() {
    super();
    this.endpoint = '';
    this.code = '';
    this.largeText = false;
    this.error = undefined;
    this.failed = undefined;
    this.busy = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#watched = '';
  }

  protected override willUpdate(): void {
    // Re-render when any element on the page signs in to this endpoint (or its token is forgotten).
    if (this.endpoint === this.#watched && this.#unwatch) return;
    this.#unwatch?.();
    this.#watched = this.endpoint;
    const session = endpointSession(this.endpoint);
    let first = true;
    this.#unwatch = effect(() => {
      session.value;
      if (!first) this.requestUpdate();
      first = false;
    });
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const code = String(new FormData(event.target as HTMLFormElement).get('code') ?? '').trim();
    if (!code) return this.fail('empty', undefined);
    this.busy = true;
    const answer = await signInAt(this.endpoint, code);
    this.busy = false;
    if (!answer.ok) return this.fail(answer.error ? 'refused' : 'unreachable', answer.error);
    this.failed = undefined;
    this.error = undefined;
    this.dispatchEvent(
      new CustomEvent<LinliSignedInDetail>('linli-signed-in', {
        detail: { endpoint: this.endpoint, household: answer.session.household },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /** Shows why, and puts the reader back in the field to try again. */
  private async fail(why: 'refused' | 'unreachable' | 'empty', error: LinliError | undefined): Promise<void> {
    this.failed = why;
    this.error = error;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
  }

  protected override render(): TemplateResult {
    const l = this.locales.locale;
    const session = this.endpoint ? endpointSession(this.endpoint).value : undefined;
    if (session)
      return html`<p part="signed-in" role="status">${t(l, 'signedIn', { room: t(l, 'household', { unit: session.household }) })}</p>`;
    const message =
      this.failed === 'refused' && this.error
        ? this.error.message[l]
        : this.failed === 'unreachable'
          ? t(l, 'unreachable')
          : this.failed === 'empty'
            ? t(l, 'empty')
            : undefined;
    return html`<form part="form" @submit=${this.onSubmit} novalidate>
      <fieldset>
        <legend>${t(l, 'legend')}</legend>
        <label for="code">${t(l, 'code')}</label>
        <input
          part="input"
          id="code"
          name="code"
          .value=${this.code}
          type="text"
          autocomplete="one-time-code"
          autocapitalize="characters"
          spellcheck="false"
          required
          aria-invalid=${message ? 'true' : 'false'}
          aria-describedby=${message ? 'hint error' : 'hint'}
        />
        <p part="hint" id="hint">${t(l, 'hint')}</p>
        ${message ? html`<p part="error" id="error" role="alert">${message}</p>` : nothing}
        <button part="submit" type="submit" data-primary ?disabled=${this.busy}>
          ${t(l, this.busy ? 'signingIn' : 'signIn')}
        </button>
      </fieldset>
    </form>`;
  }
}
