import type { LinliError, Locale } from '@linli/core';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ReplicaScreen } from '../replica-screen.js';
import { ScreenElement } from '../screen-element.js';
import { t } from './duties.strings.js';

/** An action awaiting the organizer's confirmation: the command it sends and what it says. */
export interface PendingCommand {
  /** Which action it is: its confirmation and its refusal show in that action's place. */
  readonly key: string;
  readonly command: Record<string, unknown>;
  readonly text: string;
}

/** What the server answered to a command: the events it recorded. */
export interface CommandAnswer {
  readonly events?: readonly { readonly type: string; readonly payload?: unknown }[];
}

/**
 * A replica screen whose actions each wait for a confirmation in their own place, then send one
 * command; a refusal shows the core's typed error right there, focused, and nothing changes.
 */
export abstract class CommandScreen extends ReplicaScreen {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    pending: { state: true },
    error: { state: true },
    done: { state: true },
    busy: { state: true },
  };

  declare pending: PendingCommand | undefined;
  declare error: { readonly key: string; readonly error: LinliError } | undefined;
  declare done: string | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.pending = undefined;
    this.error = undefined;
    this.done = undefined;
    this.busy = false;
  }

  /** After a command is recorded (default: nothing more). */
  protected recorded(_key: string, _answer: CommandAnswer): void {}

  /** Asks for the confirmation of `action`, in its place, focused. */
  protected ask(key: string, action: Omit<PendingCommand, 'key'>): void {
    this.pending = { key, ...action };
    this.error = undefined;
    this.done = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#confirm-text')?.focus());
  }

  /** Shows a refusal the page itself found (a form not filled in) as it shows the core's. */
  protected refuse(key: string, error: LinliError): void {
    this.pending = undefined;
    this.error = { key, error };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[role=alert]')?.focus());
  }

  /** The status line that says the last action was recorded. */
  protected renderDone(): TemplateResult {
    return html`<p class="done" role="status">${this.done ?? ''}</p>`;
  }

  /** The refusal of the action `key`, right below it. */
  protected renderError(key: string, l: Locale): TemplateResult | typeof nothing {
    const error = this.error?.key === key ? this.error.error : undefined;
    return error ? html`<p class="alert" role="alert" tabindex="-1">${error.message[l]}</p>` : nothing;
  }

  /** The confirmation in place of the action `key`, when that action awaits it. */
  protected renderConfirm(key: string, l: Locale): TemplateResult | undefined {
    const pending = this.pending;
    if (pending?.key !== key) return undefined;
    return html`<div class="confirm" role="group" aria-labelledby="confirm-text">
      <p id="confirm-text" tabindex="-1">${pending.text}</p>
      <div class="row">
        <button type="button" class="primary" id="confirm-yes" ?disabled=${this.busy}
          @click=${() => this.confirm(pending)}>${t(l, 'yes')}</button>
        <button type="button" @click=${() => this.back()}>${t(l, 'no')}</button>
      </div>
    </div>`;
  }

  private back(): void {
    this.pending = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h1')?.focus());
  }

  private async confirm(pending: PendingCommand): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const answer = await this.context.api.send<CommandAnswer>(
      'POST',
      `/c/${encodeURIComponent(this.community)}/commands`,
      { command: pending.command },
    );
    this.busy = false;
    this.pending = undefined;
    if (!answer.ok) {
      this.refuse(pending.key, answer.error);
      return;
    }
    this.error = undefined;
    this.done = t(this.locale, 'saved');
    await this.replica.governance?.refresh().catch(() => undefined);
    this.recorded(pending.key, answer.value);
  }
}
