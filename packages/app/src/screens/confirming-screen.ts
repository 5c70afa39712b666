import type { LinliError, Locale } from '@linli/core';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { translator } from '../shell/strings.js';
import { ReplicaScreen } from './replica-screen.js';
import { ScreenElement } from './screen-element.js';

/** An action awaiting the organizer's confirmation: the command it sends and what it says. */
export interface PendingAction {
  /** Which action on the screen: where its confirmation and its refusal are shown. */
  readonly key: string;
  readonly command: Record<string, unknown>;
  readonly text: string;
}

const t = translator({
  yes: { 'zh-CN': '确认', en: 'Confirm' },
  no: { 'zh-CN': '返回', en: 'Back' },
});

/**
 * A replica screen whose actions wait for a confirmation in place of the action (`ask`, then
 * `renderConfirm` where the action was), send their command when confirmed, and show a refusal —
 * the core's typed error — right below the action (`renderError`), focused, with nothing changed.
 */
export abstract class ConfirmingScreen extends ReplicaScreen {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    pending: { state: true },
    error: { state: true },
    done: { state: true },
    busy: { state: true },
  };

  declare pending: PendingAction | undefined;
  declare error: { readonly key: string; readonly error: LinliError } | undefined;
  /** What the last action did, for the status line. */
  declare done: string | undefined;
  declare busy: boolean;

  constructor() {
    super();
    this.pending = undefined;
    this.error = undefined;
    this.done = undefined;
    this.busy = false;
  }

  /** Called once a confirmed command was accepted (after the replica has caught up). */
  protected abstract confirmed(pending: PendingAction): void | Promise<void>;

  /** The core's refusal of the action `key`, right below it. */
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
      <div class="actions">
        <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.confirm(pending)}>${t(l, 'yes')}</button>
        <button type="button" @click=${() => this.back()}>${t(l, 'no')}</button>
      </div>
    </div>`;
  }

  /** Shows the confirmation of an action in its place, focused. */
  protected ask(key: string, action: Omit<PendingAction, 'key'>): void {
    this.pending = { key, ...action };
    this.error = undefined;
    this.done = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#confirm-text')?.focus());
  }

  private back(): void {
    this.pending = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h1')?.focus());
  }

  private async confirm(pending: PendingAction): Promise<void> {
    if (this.busy) return;
    if (await this.send(pending.key, pending.command)) await this.confirmed(pending);
  }

  /** Sends a command; a refusal is shown at `key`, focused, and answers false. */
  protected async send(key: string, command: Record<string, unknown>): Promise<boolean> {
    this.busy = true;
    const answer = await this.context.api.send('POST', `/c/${encodeURIComponent(this.community)}/commands`, {
      command,
    });
    // The confirmation (kept on screen, its button disabled, while the command was on its way) goes.
    this.pending = undefined;
    if (!answer.ok) {
      await this.refused(key, answer.error);
      return false;
    }
    this.busy = false;
    this.error = undefined;
    await this.replica.governance?.refresh().catch(() => undefined);
    return true;
  }

  /** Shows `error` below the action `key`, focused. */
  protected async refused(key: string, error: LinliError): Promise<void> {
    this.busy = false;
    this.done = undefined;
    this.error = { key, error };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[role=alert]')?.focus();
  }
}
