import {
  type FundedProject,
  fen,
  formatMoney,
  fundedProjects,
  type LinliError,
  type Locale,
} from '@linli/core';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { formatTime } from '../motion/motion-history.js';
import { fenOf } from '../motion-wizard/fund-draft.js';
import { ReplicaScreen } from '../replica-screen.js';
import { ScreenElement } from '../screen-element.js';
import { t } from './projects.strings.js';

/** The next stage of a project, if any: the only one it may move to. */
const NEXT = { planned: 'in-progress', 'in-progress': 'done', done: undefined } as const;

const keyOf = (p: FundedProject) => `${p.motionId}/${p.projectId}`;

/**
 * `/c/:community/organizer/projects`: every project a participatory budget funded, read from the
 * community's live replica (`fundedProjects`), with its stage and its spending against its budget.
 * A stage moves forward behind a confirmation (`project.setStatus`); spending is recorded in yuan,
 * parsed exactly to fen (`project.spend`). A refusal shows the core's typed error inside the project's
 * card, in the page's language, and nothing changes.
 */
export class ProjectsScreen extends ReplicaScreen {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    pending: { state: true },
    error: { state: true },
    done: { state: true },
    busy: { state: true },
  };
  static override styles = [
    ScreenElement.styles,
    css`
      ul.projects,
      ul.lines {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 1em;
      }
      ul.lines {
        gap: 0.25em;
      }
      /* The project's name leads its card: larger than the card's own sub-headings. */
      .card h2 {
        margin-top: 0;
        font-size: 1.4em;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75em;
      }
      form {
        display: grid;
        gap: 0.5em;
      }
    `,
  ];

  /** The project whose stage change awaits confirmation. */
  declare pending: string | undefined;
  /** The last refusal, with the project it was about. */
  declare error: { readonly key: string; readonly error: LinliError } | undefined;
  declare done: { readonly key: string; readonly text: string } | undefined;
  declare busy: boolean;
  readonly #amount = new Map<string, string>();
  readonly #note = new Map<string, string>();

  constructor() {
    super();
    this.pending = undefined;
    this.error = undefined;
    this.done = undefined;
    this.busy = false;
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const gov = this.replica.governance;
    const heading = html`<h1 tabindex="-1">${t(l, 'title')}</h1>`;
    if (!gov) return html`${heading}${this.loadState(t(l, 'loading'))}`;
    const projects = gov.read((s) => fundedProjects(s.voting, s.funds));
    return html`${heading}
      ${
        projects.length === 0
          ? html`<p>${t(l, 'none')}</p>`
          : html`<ul class="projects">${projects.map((p) => this.renderProject(p, l))}</ul>`
      }`;
  }

  private renderProject(p: FundedProject, l: Locale): TemplateResult {
    const key = keyOf(p);
    const money = (amount: number) => formatMoney(fen(amount), l);
    const id = `p-${p.motionId}-${p.projectId}`;
    const error = this.error?.key === key ? this.error.error : undefined;
    return html`<li class="card" id=${id} aria-labelledby="${id}-h">
      <h2 id="${id}-h" tabindex="-1">${p.name}</h2>
      <p class="hint">${t(l, 'from', { motion: p.motionTitle })}</p>
      <p class="status"><strong>${t(l, 'status', { status: t(l, p.status) })}</strong></p>
      <p class="money">${t(l, 'money', { budget: money(p.budget), spent: money(p.spent), remaining: money(p.remaining) })}</p>
      ${this.renderStage(p, l)} ${this.renderSpendForm(p, l)}
      ${error ? html`<p class="alert" role="alert" tabindex="-1">${error.message[l]}</p>` : nothing}
      <p class="done" role="status">${this.done?.key === key ? this.done.text : ''}</p>
      ${
        p.spending.length + p.changes.length === 0
          ? nothing
          : html`<h3>${t(l, 'spending')}</h3>
            <ul class="lines">
              ${p.spending.map((s) => html`<li>${t(l, 'spendLine', { date: s.date, amount: money(s.amount), note: s.note })}</li>`)}
              ${p.changes.map(
                (c) =>
                  html`<li class="hint">${t(l, 'history', { when: formatTime(c.at, l), who: c.by, status: t(l, c.status) })}</li>`,
              )}
            </ul>`
      }
    </li>`;
  }

  private renderStage(p: FundedProject, l: Locale): TemplateResult | typeof nothing {
    const next = NEXT[p.status];
    if (!next) return nothing;
    const key = keyOf(p);
    if (this.pending !== key)
      return html`<div class="actions">
        <button type="button" id="stage-${p.motionId}-${p.projectId}" @click=${() => this.ask(key)}>
          ${t(l, next === 'in-progress' ? 'toInProgress' : 'toDone')}
        </button>
      </div>`;
    return html`<div class="confirm" role="group" aria-labelledby="confirm-${p.projectId}">
      <p id="confirm-${p.projectId}" tabindex="-1">${t(l, 'confirm', { project: p.name, status: t(l, next) })}</p>
      <div class="actions">
        <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.setStatus(p, next)}>${t(l, 'yes')}</button>
        <button type="button" @click=${() => this.back(p)}>${t(l, 'no')}</button>
      </div>
    </div>`;
  }

  private renderSpendForm(p: FundedProject, l: Locale): TemplateResult | typeof nothing {
    if (p.remaining === 0) return nothing;
    const key = keyOf(p);
    const id = `${p.motionId}-${p.projectId}`;
    const bad = (field: string) =>
      this.error?.key === key && this.error.error.path[0] === field ? 'true' : 'false';
    return html`<form @submit=${(e: Event) => this.spend(e, p)}>
      <h3>${t(l, 'spend')}</h3>
      <div class="field">
        <label for="amount-${id}">${t(l, 'amount')}</label>
        <input id="amount-${id}" type="text" inputmode="decimal" autocomplete="off" aria-invalid=${bad('amount')}
          .value=${this.#amount.get(key) ?? ''} @input=${(e: Event) => this.#amount.set(key, (e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="note-${id}">${t(l, 'note')}</label>
        <input id="note-${id}" type="text" autocomplete="off" aria-invalid=${bad('note')}
          .value=${this.#note.get(key) ?? ''} @input=${(e: Event) => this.#note.set(key, (e.target as HTMLInputElement).value)} />
      </div>
      <div class="actions"><button type="submit" ?disabled=${this.busy}>${t(l, 'record')}</button></div>
    </form>`;
  }

  private ask(key: string): void {
    this.pending = key;
    this.error = undefined;
    this.done = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`.confirm p`)?.focus());
  }

  private back(p: FundedProject): void {
    this.pending = undefined;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#stage-${p.motionId}-${p.projectId}`)?.focus(),
    );
  }

  private async setStatus(p: FundedProject, status: 'in-progress' | 'done'): Promise<void> {
    const sent = await this.send(p, {
      type: 'project.setStatus',
      motionId: p.motionId,
      projectId: p.projectId,
      status,
    });
    if (!sent) return;
    this.pending = undefined;
    this.done = { key: keyOf(p), text: t(this.locale, 'changed', { status: t(this.locale, status) }) };
  }

  private async spend(event: Event, p: FundedProject): Promise<void> {
    event.preventDefault();
    const key = keyOf(p);
    const typed = this.#amount.get(key) ?? '';
    // Yuan as typed, exactly in fen; text that is no amount goes as typed, for the core to refuse.
    const amount = fenOf(typed) ?? typed;
    const note = this.#note.get(key) ?? '';
    const command = { type: 'project.spend', motionId: p.motionId, projectId: p.projectId, amount, note };
    if (!(await this.send(p, command))) return;
    this.#amount.delete(key);
    this.#note.delete(key);
    const shown = typeof amount === 'number' ? formatMoney(fen(amount), this.locale) : typed;
    this.done = { key, text: t(this.locale, 'recorded', { amount: shown }) };
  }

  /** Sends a command about `p`; a refusal is kept beside its project, focused, and nothing changes. */
  private async send(p: FundedProject, command: Record<string, unknown>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    const answer = await this.context.api.send('POST', `/c/${encodeURIComponent(this.community)}/commands`, {
      command,
    });
    this.busy = false;
    if (!answer.ok) {
      this.error = { key: keyOf(p), error: answer.error };
      this.done = undefined;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#p-${p.motionId}-${p.projectId} [role=alert]`)?.focus();
      return false;
    }
    this.error = undefined;
    await this.replica.governance?.refresh().catch(() => undefined);
    return true;
  }
}

if (!customElements.get('linli-projects-screen'))
  customElements.define('linli-projects-screen', ProjectsScreen);
