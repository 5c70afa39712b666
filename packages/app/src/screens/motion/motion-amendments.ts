import {
  type Amendment,
  amendmentStatus,
  type Governance,
  type LinliError,
  type Locale,
  localDateOf,
  type Motion,
  type MotionHistoryEntry,
  previewElectorate,
  type Voter,
  voterNamed,
} from '@linli/core';
import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { ApiClient } from '../../api/api-client.js';
import { screenStyles } from '../../shell/screen-styles.js';
import { t } from './amendments.strings.js';
import { amendmentStyles } from './amendments.styles.js';
import { motionStyles } from './motion.styles.js';
import { actorName, formatTime, type HistoryNames } from './motion-history.js';
import { roomLabel } from './room-lookup.js';
import { type DiffRow, diffCounts, diffText } from './text-diff.js';

type Decision = 'accept' | 'reject';
type Me = { readonly id: string; readonly name: string } | undefined;

/**
 * The amendments (修正案) of a text motion on its organizer page: the text as it stands (or, once
 * voting opened, the text put to the vote and, after a passing close, the adopted text), every
 * proposal with its proposer by room or name, its time, note and status, and for a pending one the
 * diff against the current text with accept and reject behind a confirmation that says what each
 * does. While a draft, the organizer may propose one too. Every rule (who may propose, which may be
 * decided, nothing pending at open) is the core's: a refusal is its typed error, shown here.
 *
 * @event linli-amendments-changed - An amendment was proposed, accepted or rejected (the page reloads its history).
 */
export class MotionAmendments extends LitElement {
  static override properties: PropertyDeclarations = {
    governance: { attribute: false },
    motion: { attribute: false },
    api: { attribute: false },
    community: { attribute: false },
    locale: { attribute: false },
    history: { attribute: false },
    me: { attribute: false },
    deciding: { state: true },
    error: { state: true },
    done: { state: true },
    busy: { state: true },
    errorAt: { state: true },
  };
  static override styles = [screenStyles, motionStyles, amendmentStyles];

  declare governance: Governance;
  declare motion: Motion;
  declare api: ApiClient;
  declare community: string;
  declare locale: Locale;
  declare history: readonly MotionHistoryEntry[];
  declare me: Me;
  declare deciding: { readonly id: string; readonly decision: Decision } | undefined;
  declare error: LinliError | undefined;
  declare done: string;
  declare busy: boolean;
  /** Where the last refusal is shown: beside the proposal form, or with the list (and its confirmation). */
  declare errorAt: 'list' | 'propose';

  constructor() {
    super();
    this.history = [];
    this.deciding = undefined;
    this.error = undefined;
    this.done = '';
    this.busy = false;
    this.errorAt = 'list';
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // A word about the last step is stale once the motion has moved on (opened, closed).
    const before = changed.get('motion') as Motion | undefined;
    if (before !== undefined && before.status !== this.motion.status) this.done = '';
  }

  /** Room and amendment names for this motion, shared with the page's history. */
  static names(gov: Governance, m: Motion): HistoryNames {
    return {
      room: (unitId) => roomLabel(gov, unitId),
      amendment: (id) => String(m.amendments.findIndex((a) => a.id === id) + 1 || id),
    };
  }

  /** The roll a draft would have today (the core's preview), or the frozen one once open. */
  private roll(): readonly Voter[] {
    const m = this.motion;
    if (m.status !== 'draft') return m.electorate;
    return this.governance.read((s) => previewElectorate(s.community, m, localDateOf(new Date())).voters);
  }

  private proposer(a: Amendment): string {
    const l = this.locale;
    const unit =
      a.voterId === undefined ? undefined : voterNamed({ electorate: this.roll() }, a.voterId)?.unitIds[0];
    if (unit !== undefined) return t(l, 'room', { room: roomLabel(this.governance, unit) });
    return actorName(a.proposedBy, l, this.me, MotionAmendments.names(this.governance, this.motion));
  }

  private proposedAt(a: Amendment): string {
    const entry = this.history.find((h) => h.action === 'amendmentProposed' && h.amendmentId === a.id);
    return entry ? formatTime(entry.at, this.locale) : '…';
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const m = this.motion;
    const draft = m.status === 'draft';
    return html`<section aria-labelledby="amend-h">
      <h2 id="amend-h" tabindex="-1">${t(l, 'heading')}</h2>
      ${draft ? html`<p>${t(l, m.amendableBy === 'electorate' ? 'openToResidents' : 'organizersOnly')}</p>` : nothing}
      ${this.renderText(m, l)}
      <p role="status" class="done">${this.done}</p>
      ${this.error && !this.deciding && this.errorAt === 'list' ? html`<p class="alert" role="alert">${this.error.message[l]}</p>` : nothing}
      ${
        m.amendments.length === 0
          ? html`<p>${t(l, 'none')}</p>`
          : html`<ol class="amendments" id="amendment-list">
            ${m.amendments.map((a, i) => this.renderAmendment(a, i + 1, l))}
          </ol>`
      }
      ${draft ? this.renderPropose(m, l) : nothing}
    </section>`;
  }

  private renderText(m: Motion, l: Locale): TemplateResult {
    const adopted = m.result?.adoptedText;
    const heading =
      adopted !== undefined ? 'adoptedText' : m.status === 'draft' ? 'currentText' : 'votedText';
    const text = adopted ?? m.body;
    return html`<h3 id="text-h">${t(l, heading)}</h3>
      <!-- On one line: the box keeps white space as written, so none may come from this template. -->
      <div class="card body-text" id="body-text" role="region" aria-labelledby="text-h">${text === '' ? t(l, 'emptyText') : text}</div>`;
  }

  private renderAmendment(a: Amendment, n: number, l: Locale): TemplateResult {
    const status = amendmentStatus(a);
    const number = String(n);
    const pending = status === 'pending' && this.motion.status === 'draft';
    return html`<li class="card amendment" id=${`amendment-${a.id}`} aria-labelledby=${`amendment-${a.id}-h`}>
      <h3 id=${`amendment-${a.id}-h`}>
        ${t(l, 'number', { n: number })} <span class=${`status ${status}`}>${t(l, status)}</span>
      </h3>
      <p class="hint">${t(l, 'proposed', { who: this.proposer(a), when: this.proposedAt(a) })}</p>
      ${a.note ? html`<p>${t(l, 'note', { note: a.note })}</p>` : nothing}
      ${a.rejectReason ? html`<p>${t(l, 'rejectReason', { reason: a.rejectReason })}</p>` : nothing}
      ${status === 'pending' ? this.renderDiff(diffText(this.motion.body, a.text), l) : nothing}
      ${
        pending
          ? this.deciding?.id === a.id
            ? this.renderConfirm(a, number, this.deciding.decision, l)
            : html`<div class="row">
              <button type="button" id=${`accept-${a.id}`} aria-label=${t(l, 'acceptLabel', { n: number })}
                @click=${() => this.ask(a.id, 'accept')}>${t(l, 'accept')}</button>
              <button type="button" id=${`reject-${a.id}`} aria-label=${t(l, 'rejectLabel', { n: number })}
                @click=${() => this.ask(a.id, 'reject')}>${t(l, 'reject')}</button>
            </div>`
          : nothing
      }
    </li>`;
  }

  /** The diff as text a screen reader reads in order: each changed line says whether it goes or comes. */
  private renderDiff(rows: readonly DiffRow[], l: Locale): TemplateResult {
    const counts = diffCounts(rows);
    if (counts.removed === 0 && counts.added === 0) return html`<p>${t(l, 'noChange')}</p>`;
    const marked = (text: string, changed: boolean, kind: DiffRow['kind']) =>
      !changed ? text : kind === 'removed' ? html`<del>${text}</del>` : html`<ins>${text}</ins>`;
    return html`<p>${t(l, 'changes', { removed: String(counts.removed), added: String(counts.added) })}</p>
      <p class="hint">${t(l, 'legend')}</p>
      <div class="diff">
        ${rows.map(
          (r) => html`<div class=${`line ${r.kind}`}>
            <span class="mark" aria-hidden="true">${r.kind === 'removed' ? '−' : r.kind === 'added' ? '+' : ' '}</span>
            <span class="text">${
              r.kind === 'same'
                ? nothing
                : html`<span class="sr-only">${t(l, r.kind === 'removed' ? 'removedLine' : 'addedLine')}</span>`
            }${r.parts.map((p) => marked(p.text, p.changed, r.kind))}</span>
          </div>`,
        )}
      </div>`;
  }

  private renderConfirm(a: Amendment, n: string, decision: Decision, l: Locale): TemplateResult {
    const reject = decision === 'reject';
    return html`<form class="confirm" aria-labelledby="decide-h" @submit=${(e: Event) => this.decide(e, a)}>
      <h4 id="decide-h" tabindex="-1">${t(l, reject ? 'rejectLabel' : 'acceptLabel', { n })}</h4>
      <p>${t(l, reject ? 'confirmReject' : 'confirmAccept', { n })}</p>
      ${
        reject
          ? html`<div class="field">
            <label for="reject-reason">${t(l, 'reason')}</label>
            <input id="reject-reason" name="reason" type="text" maxlength="500" autocomplete="off" />
          </div>`
          : nothing
      }
      ${this.error ? html`<p class="alert" role="alert">${this.error.message[l]}</p>` : nothing}
      <div class="row">
        <button type="submit" class="primary" id="decide-confirm" ?disabled=${this.busy}>
          ${t(l, reject ? 'yesReject' : 'yesAccept')}
        </button>
        <button type="button" id="decide-keep" @click=${() => this.back()}>${t(l, 'keep')}</button>
      </div>
    </form>`;
  }

  private renderPropose(m: Motion, l: Locale): TemplateResult {
    return html`<form class="card" id="propose-form" aria-labelledby="propose-h" @submit=${this.propose}>
      <h3 id="propose-h">${t(l, 'propose')}</h3>
      <div class="field">
        <label for="propose-text">${t(l, 'proposeText')}</label>
        <textarea id="propose-text" name="text" rows="6" required .value=${m.body}></textarea>
      </div>
      <div class="field">
        <label for="propose-note">${t(l, 'proposeNote')}</label>
        <input id="propose-note" name="note" type="text" maxlength="2000" autocomplete="off" />
      </div>
      ${this.error && this.errorAt === 'propose' ? html`<p class="alert" role="alert">${this.error.message[l]}</p>` : nothing}
      <div class="row actions">
        <button type="submit" class="primary" id="propose-submit" ?disabled=${this.busy}>${t(l, 'submit')}</button>
      </div>
    </form>`;
  }

  private ask(id: string, decision: Decision): void {
    this.deciding = { id, decision };
    this.error = undefined;
    this.done = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#decide-h')?.focus());
  }

  private back(): void {
    const id = this.deciding ? `${this.deciding.decision}-${this.deciding.id}` : '';
    this.deciding = undefined;
    this.error = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus());
  }

  private async send(command: Record<string, unknown>): Promise<boolean> {
    this.busy = true;
    const path = `/c/${encodeURIComponent(this.community)}/commands`;
    const answer = await this.api.send('POST', path, { command });
    this.busy = false;
    this.error = answer.ok ? undefined : answer.error;
    if (answer.ok)
      this.dispatchEvent(new CustomEvent('linli-amendments-changed', { bubbles: true, composed: true }));
    return answer.ok;
  }

  private async decide(event: Event, a: Amendment): Promise<void> {
    event.preventDefault();
    const decision = this.deciding?.decision;
    if (!decision || this.busy) return;
    const reason = (event.target as HTMLFormElement)
      .querySelector<HTMLInputElement>('#reject-reason')
      ?.value.trim();
    const type = decision === 'accept' ? 'motion.acceptAmendment' : 'motion.rejectAmendment';
    const command = { type, motionId: this.motion.id, amendmentId: a.id, ...(reason ? { reason } : {}) };
    const n = String(this.motion.amendments.indexOf(a) + 1);
    this.errorAt = 'list';
    if (!(await this.send(command))) return;
    this.deciding = undefined;
    this.done = t(this.locale, decision === 'accept' ? 'didAccept' : 'didReject', { n });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#amend-h')?.focus();
  }

  private async propose(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const text = form.querySelector<HTMLTextAreaElement>('#propose-text')?.value ?? '';
    const note = form.querySelector<HTMLInputElement>('#propose-note')?.value.trim() ?? '';
    this.done = '';
    const command = {
      type: 'motion.proposeAmendment',
      motionId: this.motion.id,
      text,
      ...(note === '' ? {} : { note }),
    };
    const n = String(this.motion.amendments.length + 1);
    this.errorAt = 'propose';
    if (!(await this.send(command))) return;
    this.done = t(this.locale, 'didPropose', { n });
    const noteField = form.querySelector<HTMLInputElement>('#propose-note');
    if (noteField) noteField.value = '';
  }
}

if (!customElements.get('linli-motion-amendments'))
  customElements.define('linli-motion-amendments', MotionAmendments);
