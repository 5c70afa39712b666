import {
  amendmentStatus,
  formatArea,
  type Governance,
  type LinliError,
  type Locale,
  type Motion,
  type MotionHistoryEntry,
  ruleSource,
} from '@linli/core';
import '@linli/widgets/define/linli-vote.js';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { type OrganizerPerson, organizersOf } from '../../api/organizers.js';
import { saveFile } from '../../api/save-file.js';
import { isAbout, ScreenElement } from '../screen-element.js';
import { closingLine } from './closing-line.js';
import { t } from './motion.strings.js';
import { actionCommand, actionsFor, instantOfLocal, type MotionAction } from './motion-actions.js';
import { MotionAmendments } from './motion-amendments.js';
import { describeHistory, formatTime } from './motion-history.js';
import './motion-proxies.js';
import './motion-seats.js';
import { motionStyles } from './motion.styles.js';
import { selectionSection } from './motion-selection.js';
import { focusHeadingOnArrival, ReplicaController } from './replica-controller.js';

const actionWord = { open: 'doOpen', close: 'doClose', extend: 'doExtend', cancel: 'doCancel' } as const;
const confirmWord = {
  open: 'confirmOpen',
  close: 'confirmClose',
  extend: 'confirmExtend',
  cancel: 'confirmCancel',
} as const;

/**
 * One motion's organizer page at `/c/:community/organizer/motions/:motion`: its state from the
 * community's live replica (status, rule, electorate, and the tally with each check's exact fraction
 * through the `<linli-vote>` widget, which explains it with the core's `explainTally`), the actions its
 * status admits behind a confirmation in plain words, its proxies, its history and its exports.
 */
export class MotionScreen extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    pending: { state: true },
    error: { state: true },
    done: { state: true },
    history: { state: true },
    people: { state: true },
    busy: { state: true },
  };
  static override styles = [ScreenElement.styles, motionStyles];

  declare pending: MotionAction | undefined;
  declare error: LinliError | undefined;
  declare done: string;
  declare history: readonly MotionHistoryEntry[] | undefined;
  declare people: readonly OrganizerPerson[];
  declare busy: boolean;
  readonly #replica = new ReplicaController(this);
  #closesAt = '';
  /** The motion's status and amendments when the history was last read. */
  #historyKey = '';
  #reason = '';

  constructor() {
    super();
    this.pending = undefined;
    this.error = undefined;
    this.done = '';
    this.history = undefined;
    this.people = [];
    this.busy = false;
  }

  private get community(): string {
    return this.context.params.community ?? '';
  }
  private get motionId(): string {
    return this.context.params.motion ?? '';
  }
  private get base(): string {
    return `/c/${encodeURIComponent(this.community)}`;
  }

  protected override updated(): void {
    focusHeadingOnArrival(this);
    // Another writer's step (a resident's amendment, a scheduled close) arrives through the replica;
    // the history, read from the server, follows when one of those changes the motion.
    const m = this.#replica.governance?.motions.value.find((x) => x.id === this.motionId);
    const key = m ? `${m.status}|${m.amendments.map((a) => `${a.id}:${amendmentStatus(a)}`).join()}` : '';
    if (key !== this.#historyKey) {
      if (this.#historyKey !== '' && key !== '') void this.loadHistory();
      this.#historyKey = key;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('context')) return;
    this.#replica.follow(this.community, this.context.sessions.token(this.community));
    const before = changed.get('context');
    if (before?.params.motion !== this.motionId || before?.params.community !== this.community) {
      void this.loadHistory();
      void organizersOf(this.context.api, this.community).then((people) => {
        this.people = people;
      });
    }
  }

  private async loadHistory(): Promise<void> {
    const path = `${this.base}/motions/${encodeURIComponent(this.motionId)}/history`;
    const answer = await this.context.api.request<{ history: MotionHistoryEntry[] }>(path);
    this.history = answer.ok ? answer.value.history : [];
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const gov = this.#replica.governance;
    const m = gov?.motions.value.find((x) => x.id === this.motionId);
    if (!gov || !m) {
      const problem = this.#replica.error;
      return html`<h1 tabindex="-1">${t(l, 'title')}</h1>
        ${
          problem
            ? html`<p class="alert" role="alert">${problem.message[l]}</p>`
            : gov
              ? html`<p class="alert" role="alert">${t(l, 'notFound', { id: this.motionId })}</p>`
              : html`<p role="status">${t(l, 'loading')}</p>`
        }`;
    }
    return html`<h1 id="title" tabindex="-1">${m.title}</h1>
      ${this.renderState(m, l)} ${this.renderPaperCheck(m, l)} ${this.renderActions(m, l)}
      ${this.renderAmendments(gov, m)} ${m.electsRole === undefined ? nothing : this.renderSeats(gov, m)}
      <section aria-labelledby="tally-h">
        <h2 id="tally-h">${t(l, 'tally')}</h2>
        <linli-vote .governance=${gov} motion=${m.id}></linli-vote>
      </section>
      ${selectionSection(m, l)}
      ${m.status === 'open' ? this.renderProxies(gov, m) : nothing} ${this.renderHistory(l, gov, m)}
      ${this.renderExports(m, l)}`;
  }

  private renderState(m: Motion, l: Locale): TemplateResult {
    const area = m.electorate.reduce((sum, v) => sum + v.area, 0);
    return html`<section aria-labelledby="state-h">
      <h2 id="state-h">${t(l, 'state')}</h2>
      <p id="status">${t(l, 'status', { status: t(l, m.status) })}</p>
      <p id="closing">${closingLine(m, l)}</p>
      <p>${t(l, 'rule', { name: m.rule.name[l], source: ruleSource(m.rule, l) })}</p>
      <p>
        ${
          m.status === 'draft'
            ? t(l, 'electorateLater')
            : t(l, 'electorate', {
                voters: t(l, 'voters', { n: String(m.electorate.length) }),
                area: formatArea(area as Parameters<typeof formatArea>[0], l),
              })
        }
      </p>
      ${m.cancelReason ? html`<p>${t(l, 'cancelReason', { reason: m.cancelReason })}</p>` : nothing}
    </section>`;
  }

  /**
   * The two-person check of paper ballots: chosen on the draft (it is part of what opens), and only
   * where a second active organizer exists to do the checking; once open it is stated.
   */
  private renderPaperCheck(m: Motion, l: Locale): TemplateResult | typeof nothing {
    const on = m.paperCheck === 'twoPerson';
    if (m.status !== 'draft') return on ? html`<p id="paper-check">${t(l, 'paperCheckOn')}</p>` : nothing;
    const enough = this.people.filter((p) => p.active).length >= 2;
    return html`<section aria-labelledby="paper-check-h">
      <h2 id="paper-check-h">${t(l, 'paperCheck')}</h2>
      <p>${t(l, on ? 'paperCheckOn' : 'paperCheckOff')}</p>
      ${
        enough || on
          ? html`<button type="button" id="paper-check" ?disabled=${this.busy}
              @click=${() => this.setPaperCheck(m, on ? 'single' : 'twoPerson')}>
              ${t(l, on ? 'paperCheckStop' : 'paperCheckStart')}
            </button>`
          : html`<p class="hint" id="paper-check-why">${t(l, 'paperCheckNeedsTwo')}</p>`
      }
    </section>`;
  }

  private async setPaperCheck(m: Motion, paperCheck: 'single' | 'twoPerson'): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    const command = { type: 'motion.revise', motionId: m.id, paperCheck };
    const answer = await this.context.api.send('POST', `${this.base}/commands`, { command });
    this.busy = false;
    this.error = answer.ok ? undefined : answer.error;
    if (answer.ok) await this.loadHistory();
  }

  private renderActions(m: Motion, l: Locale): TemplateResult | typeof nothing {
    const actions = actionsFor(m.status);
    const motion = `${this.base}/organizer/motions/${encodeURIComponent(m.id)}`;
    const paper = `${motion}/paper`;
    return html`<section aria-labelledby="actions-h">
      <h2 id="actions-h" tabindex="-1">${t(l, 'actions')}</h2>
      <p role="status" class="done">${this.done}</p>
      ${
        this.error && !this.pending
          ? html`<p class="alert" role="alert">${this.error.message[l]}</p>`
          : nothing
      }
      ${m.status === 'open' ? html`<p><a class="action" id="paper-link" href=${paper}>${t(l, 'paperLink')}</a></p>` : nothing}
      ${
        m.status === 'draft'
          ? nothing
          : html`<p class="row"><a class="action" id="notice-link" href=${`${motion}/notice`}>${t(l, 'noticeLink')}</a>
        <a class="action" id="ballots-link" href=${`${motion}/ballots`}>${t(l, 'ballotsLink')}</a></p>`
      }
      ${
        this.pending
          ? this.renderConfirm(this.pending, m, l)
          : html`<div class="row">
            ${actions.map(
              (a) =>
                html`<button type="button" id=${`do-${a}`} @click=${() => this.ask(a)}>${t(l, actionWord[a])}</button>`,
            )}
          </div>`
      }
    </section>`;
  }

  private renderConfirm(action: MotionAction, m: Motion, l: Locale): TemplateResult {
    const word = t(l, actionWord[action]);
    const fieldError = (path: string) =>
      isAbout(this.error, [path])
        ? html`<p class="error" id=${`${path}-error`}>${this.error?.message[l]}</p>`
        : nothing;
    const general = this.error && !isAbout(this.error, ['closesAt']) && !isAbout(this.error, ['reason']);
    return html`<form class="card confirm" aria-labelledby="confirm-h" @submit=${(e: Event) => this.confirm(e, m)}>
      <h3 id="confirm-h" tabindex="-1">${word}</h3>
      <p>${t(l, confirmWord[action])}</p>
      ${
        action === 'extend'
          ? html`<div class="field">
            <label for="closes-at">${t(l, 'newClosesAt')}</label>
            <input id="closes-at" type="datetime-local" required
              aria-invalid=${isAbout(this.error, ['closesAt']) ? 'true' : 'false'}
              @input=${(e: Event) => {
                this.#closesAt = (e.target as HTMLInputElement).value;
              }} />
            ${fieldError('closesAt')}
          </div>`
          : nothing
      }
      ${
        action === 'cancel'
          ? html`<div class="field">
            <label for="reason">${t(l, 'reason')}</label>
            <input id="reason" type="text" maxlength="500"
              @input=${(e: Event) => {
                this.#reason = (e.target as HTMLInputElement).value;
              }} />
            ${fieldError('reason')}
          </div>`
          : nothing
      }
      ${general ? html`<p class="alert" role="alert">${this.error?.message[l]}</p>` : nothing}
      <div class="row">
        <button type="submit" class="primary" id="confirm" ?disabled=${this.busy}>
          ${t(l, 'yesDo', { action: word })}
        </button>
        <button type="button" id="keep" @click=${() => this.back()}>${t(l, 'keep')}</button>
      </div>
    </form>`;
  }

  private renderProxies(gov: Governance, m: Motion): TemplateResult {
    return html`<linli-motion-proxies
      .governance=${gov}
      .motion=${m}
      .head=${gov.head.value}
      .api=${this.context.api}
      .community=${this.community}
      .locale=${this.locale}
      @linli-proxies-changed=${() => void this.loadHistory()}
    ></linli-motion-proxies>`;
  }

  /** A text motion's amendments (and its adopted text); other kinds have no body to amend on this page. */
  private renderAmendments(gov: Governance, m: Motion): TemplateResult | typeof nothing {
    if (m.kind !== 'proposal' && m.amendments.length === 0) return nothing;
    return html`<linli-motion-amendments
      .governance=${gov}
      .motion=${m}
      .api=${this.context.api}
      .community=${this.community}
      .locale=${this.locale}
      .history=${this.history ?? []}
      .me=${this.me}
      @linli-amendments-changed=${() => void this.loadHistory()}
    ></linli-motion-amendments>`;
  }

  private renderSeats(gov: Governance, m: Motion): TemplateResult {
    return html`<linli-motion-seats
      .governance=${gov}
      .motion=${m}
      .head=${gov.head.value}
      .api=${this.context.api}
      .community=${this.community}
      .locale=${this.locale}
    ></linli-motion-seats>`;
  }

  private get me(): { readonly id: string; readonly name: string } | undefined {
    const session = this.context.session;
    return session?.kind === 'organizer' ? session : undefined;
  }

  private renderHistory(l: Locale, gov: Governance, m: Motion): TemplateResult {
    const me = this.me;
    const names = { ...MotionAmendments.names(gov, m), people: this.people };
    const entries = this.history ?? [];
    return html`<section aria-labelledby="history-h">
      <h2 id="history-h">${t(l, 'history')}</h2>
      ${
        entries.length === 0
          ? html`<p>${this.history ? t(l, 'historyEmpty') : '…'}</p>`
          : html`<ol class="history">
            ${entries.map((e) => {
              const { who, what } = describeHistory(e, l, me, names);
              return html`<li>
                <span class="when">${t(l, 'by', { when: formatTime(e.at, l), who })}</span>
                <span>${what}</span>
              </li>`;
            })}
          </ol>`
      }
    </section>`;
  }

  private renderExports(m: Motion, l: Locale): TemplateResult {
    const formats = m.kind === 'ranked' ? (['csv', 'json', 'blt'] as const) : (['csv', 'json'] as const);
    const words = { csv: 'exportCsv', json: 'exportJson', blt: 'exportBlt' } as const;
    return html`<section aria-labelledby="exports-h">
      <h2 id="exports-h">${t(l, 'exports')}</h2>
      <div class="row">
        ${formats.map(
          (f) =>
            html`<button type="button" id=${`export-${f}`} @click=${() => this.download(m, f)}>${t(l, words[f])}</button>`,
        )}
      </div>
    </section>`;
  }

  private ask(action: MotionAction): void {
    this.pending = action;
    this.error = undefined;
    this.done = '';
    this.#closesAt = '';
    this.#reason = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#confirm-h')?.focus());
  }

  private back(): void {
    const action = this.pending;
    this.pending = undefined;
    this.error = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#do-${action}`)?.focus());
  }

  private async confirm(event: Event, m: Motion): Promise<void> {
    event.preventDefault();
    const action = this.pending;
    if (!action || this.busy) return;
    this.busy = true;
    const command = actionCommand(action, m.id, {
      closesAt: instantOfLocal(this.#closesAt),
      reason: this.#reason,
    });
    const answer = await this.context.api.send('POST', `${this.base}/commands`, { command });
    this.busy = false;
    if (!answer.ok) {
      this.error = answer.error;
      return;
    }
    this.pending = undefined;
    this.error = undefined;
    this.done = t(this.locale, 'done', { action: t(this.locale, actionWord[action]) });
    await this.loadHistory();
    this.renderRoot.querySelector<HTMLElement>('#actions-h')?.focus();
  }

  private async download(m: Motion, format: 'csv' | 'json' | 'blt'): Promise<void> {
    const path = `${this.base}/motions/${encodeURIComponent(m.id)}/export.${format}`;
    const answer = await this.context.api.file(path);
    if (!answer.ok) {
      this.error = answer.error;
      return;
    }
    saveFile(answer.value, `${m.title}-${m.id}.${format}`);
  }
}

if (!customElements.get('linli-motion-screen')) customElements.define('linli-motion-screen', MotionScreen);
