import type { LinliError, Locale } from '@linli/core';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { translator } from '../shell/strings.js';
import { fenOf } from './motion-wizard/fund-draft.js';
import { ReplicaScreen } from './replica-screen.js';
import { ScreenElement } from './screen-element.js';

/** An action awaiting the organizer's confirmation: the command it sends and what it says. */
export interface PendingCommand {
  /** Which form or button asked, so its confirmation and refusal appear in its place. */
  readonly key: string;
  readonly command: Record<string, unknown>;
  /** The sentence the organizer confirms. */
  readonly text: string;
}

/** What the server answered to an accepted command: the events it recorded. */
export interface CommandAnswer {
  readonly events?: readonly { readonly type: string; readonly payload?: unknown }[];
}

/** The words every confirmation needs: a screen's own table may have them under these keys. */
export type ConfirmWords = (locale: Locale, key: 'yes' | 'no' | 'saved') => string;

const words = translator({
  yes: { 'zh-CN': '确认', en: 'Confirm' },
  no: { 'zh-CN': '返回', en: 'Back' },
  saved: { 'zh-CN': '已记录。', en: 'Recorded.' },
});

/**
 * An organizer screen that changes the community by commands: each action asks first (its
 * confirmation in place of the form, focused), sends one command, and shows the core's typed refusal
 * right below the action that asked — focused, with nothing changed — or a saved note.
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

  /** The screen's words for yes, no and saved: the shared ones unless a screen says it its own way. */
  protected readonly confirmWords: ConfirmWords = words;

  /** The saved note, for a live region at the top of the screen. */
  protected renderDone(): TemplateResult {
    return html`<p class="done" role="status">${this.done ?? ''}</p>`;
  }

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
      <div class="row">
        <button type="button" class="primary" id="confirm-yes" ?disabled=${this.busy} @click=${() => this.confirm(pending)}>${this.confirmWords(l, 'yes')}</button>
        <button type="button" @click=${() => this.back()}>${this.confirmWords(l, 'no')}</button>
      </div>
    </div>`;
  }

  /** Asks the organizer to confirm `command`, in place of the action `key`. */
  protected ask(key: string, action: Omit<PendingCommand, 'key'>): void {
    this.pending = { key, ...action };
    this.error = undefined;
    this.done = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#confirm-text')?.focus());
  }

  /** Shows `error` below the action `key`, focused: the core's refusal, or one the page found itself. */
  protected async refuse(key: string, error: LinliError): Promise<void> {
    this.busy = false;
    this.pending = undefined;
    this.done = undefined;
    this.error = { key, error };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[role=alert]')?.focus();
  }

  private back(): void {
    this.pending = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h1')?.focus());
  }

  /**
   * Sends one command; a refusal is shown at `key`, focused, and answers undefined. Once accepted the
   * replica catches up before this answers, so the screen already shows what changed.
   */
  protected async send(key: string, command: Record<string, unknown>): Promise<CommandAnswer | undefined> {
    this.busy = true;
    const answer = await this.context.api.send<CommandAnswer>(
      'POST',
      `/c/${encodeURIComponent(this.community)}/commands`,
      { command },
    );
    // The confirmation (kept on screen, its button disabled, while the command was on its way) goes.
    this.pending = undefined;
    if (!answer.ok) {
      await this.refuse(key, answer.error);
      return undefined;
    }
    this.busy = false;
    this.error = undefined;
    await this.replica.governance?.refresh().catch(() => undefined);
    return answer.value;
  }

  /**
   * After a confirmed command was accepted (the saved note is already set). By default the forms
   * fold away, so the list shows what changed, and focus returns to the heading.
   */
  protected async recorded(_pending: PendingCommand, _answer: CommandAnswer): Promise<void> {
    for (const details of this.renderRoot.querySelectorAll('details[open]')) details.removeAttribute('open');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private async confirm(pending: PendingCommand): Promise<void> {
    if (this.busy) return;
    const answer = await this.send(pending.key, pending.command);
    if (!answer) return;
    this.done = this.confirmWords(this.locale, 'saved');
    await this.recorded(pending, answer);
  }
}

/** A form field's trimmed text. */
export const fieldValue = (form: HTMLFormElement, name: string): string =>
  String(new FormData(form).get(name) ?? '').trim();

/** A whole number as typed, or the text itself for the core to refuse in its own words. */
export const wholeOrText = (typed: string): number | string =>
  /^-?\d+$/.test(typed) ? Number(typed) : typed;

/**
 * A decimal with at most two places as typed (`3000`, `3,000.50`, `82.34`) in exact hundredths —
 * fen for yuan, hundredths of m² for an area — or the text itself, for the core to refuse.
 */
export const hundredthsOrText = (typed: string): number | string => fenOf(typed) ?? typed;
