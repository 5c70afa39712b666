import '@linli/widgets/define/linli-roles.js';
import type { HouseholdDuty, HouseholdHome, HouseholdSwap, LinliError, Locale } from '@linli/core';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { residentLiveStatus } from '../live-status.js';
import { ScreenElement } from '../screen-element.js';
import { fundCard } from './dues.js';
import { day, money, weekday } from './format.js';
import { t } from './resident-home.strings.js';

/** What a swap button sends: the household's answer to a swap, or taking back its own request. */
type SwapAnswer = 'duty.acceptSwap' | 'duty.declineSwap' | 'duty.withdrawSwap';

const DONE = {
  'duty.acceptSwap': 'accepted',
  'duty.declineSwap': 'declined',
  'duty.withdrawSwap': 'withdrawn',
} as const;

/**
 * The household's home at `/c/:community/home`, where a household lands once signed in: its room and
 * building; links to the motions (with how many wait for its vote) and the notices (with how many it
 * has not opened); what it owes each fund and why, what it paid with receipt numbers, due dates and
 * what is overdue; its next duty turns, swaps asked of it to accept or decline, its own to withdraw,
 * and its "my turns" calendar feed; the roles its residents hold and the building's 一长五大
 * (`<linli-roles>`). Everything comes from the server's `GET /c/:id/household`, which answers only
 * what concerns this household; the page computes nothing.
 */
export class ResidentHomeScreen extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    home: { state: true },
    failure: { state: true },
    busy: { state: true },
    refusal: { state: true },
    done: { state: true },
  };
  static override styles = [
    ScreenElement.styles,
    css`
      h3 {
        font-size: 1.15em;
        margin: 0 0 0.5em;
      }
      h4 {
        font-size: 1em;
        margin: 1em 0 0.4em;
      }
      section.part {
        margin: 0 0 2em;
      }
      ul.plain {
        list-style: none;
        padding: 0;
        margin: 0 0 0.8em;
        display: grid;
        gap: 0.35em;
      }
      ul.plain a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
      }
      dl.figures {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(9em, 1fr));
        gap: 0.5em 1em;
        margin: 0 0 0.8em;
      }
      dl.figures dt {
        color: var(--linli-color-muted);
      }
      dl.figures dd {
        margin: 0;
        font-size: 1.2em;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      .overdue,
      dd.owed {
        color: var(--linli-color-danger);
      }
      .overdue {
        font-weight: 600;
        grid-column: 1 / -1;
        margin: 0;
      }
      .exempt {
        font-weight: 600;
      }
      details {
        margin: 0 0 0.8em;
      }
      summary {
        min-height: max(44px, var(--linli-target, 2.75rem));
        display: flex;
        align-items: center;
        cursor: pointer;
        color: var(--linli-color-link);
        text-decoration: underline;
        text-underline-offset: 0.15em;
      }
      .swap {
        border-top: 1px solid var(--linli-color-border);
        padding-top: 0.8em;
        margin: 0.8em 0 1em;
      }
      .unread {
        font-weight: 600;
        color: var(--linli-color-text);
        border: 1px solid var(--linli-color-border);
        border-radius: 4px;
        padding: 0 0.4em;
        margin-inline-end: 0.4em;
      }
      p,
      li,
      dd,
      dt {
        overflow-wrap: anywhere;
      }
    `,
  ];

  declare home: HouseholdHome | undefined;
  declare failure: LinliError | undefined;
  /** Where the command on its way was asked (a swap's id, or `ask-<duty>`). */
  declare busy: string | undefined;
  /** The server's refusal of a command, shown where it was asked (a swap's id, or `ask-<duty>`). */
  declare refusal: { readonly key: string; readonly error: LinliError } | undefined;
  /** What the last answer did, for the status line. */
  declare done: string | undefined;
  private loadedFor = '';

  constructor() {
    super();
    this.home = undefined;
    this.failure = undefined;
    this.busy = undefined;
    this.refusal = undefined;
    this.done = undefined;
  }

  private get community(): string {
    return this.context.params.community ?? '';
  }

  private get base(): string {
    return `/c/${encodeURIComponent(this.community)}`;
  }

  protected override willUpdate(): void {
    const key = `${this.community}\n${this.context.session?.kind === 'household' ? this.context.session.unitId : ''}`;
    if (key === this.loadedFor) return;
    this.loadedFor = key;
    void this.load();
  }

  private async load(): Promise<void> {
    const answer = await this.context.api.request<HouseholdHome>(`${this.base}/household`);
    this.failure = answer.ok ? undefined : answer.error;
    if (answer.ok) this.home = answer.value;
  }

  /**
   * Sends one command of the household's; `key` names where it was asked (a swap, or a duty's request
   * form), so a refusal shows there, focused. Once recorded, `done` is announced and focused and the
   * home is read again.
   */
  private async send(key: string, command: Record<string, unknown>, done: string): Promise<void> {
    this.busy = key;
    this.refusal = undefined;
    this.done = undefined;
    const sent = await this.context.api.request(`${this.base}/commands`, {
      method: 'POST',
      headers: { 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ command }),
    });
    this.busy = undefined;
    if (!sent.ok) {
      this.refusal = { key, error: sent.error };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#refusal-${CSS.escape(key)}`)?.focus();
      return;
    }
    this.done = done;
    await this.load();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#done')?.focus();
  }

  private answer(duty: HouseholdDuty, swap: HouseholdSwap, type: SwapAnswer): Promise<void> {
    const command = { type, dutyId: duty.dutyId, swapId: swap.swapId };
    return this.send(swap.swapId, command, t(this.locale, DONE[type]));
  }

  /** Asks the neighbour whose turn was chosen to trade it for the household's chosen turn. */
  private propose(event: SubmitEvent, duty: HouseholdDuty): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const mine = String(form.get('mine') ?? '');
    const theirs = duty.others[Number(form.get('theirs'))];
    const unitId = this.context.session?.kind === 'household' ? this.context.session.unitId : '';
    const command = {
      type: 'duty.proposeSwap',
      dutyId: duty.dutyId,
      first: { date: mine, memberId: unitId },
      second: { date: theirs?.date ?? '', memberId: theirs?.unitId ?? '' },
    };
    return this.send(`ask-${duty.dutyId}`, command, t(this.locale, 'proposed'));
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const home = this.home;
    // What follows is live data (what is owed, turns, notices): say so when it is not.
    const heading = html`<h1 id="title" tabindex="-1">${t(l, 'title')}</h1>${residentLiveStatus(this.context, l)}`;
    if (!home)
      return html`${heading}${
        this.failure
          ? html`<p class="alert" role="alert">${t(l, 'failed')}${this.failure.message[l]}</p>
              <button type="button" @click=${() => this.load()}>${t(l, 'retry')}</button>`
          : html`<p role="status">${t(l, 'loading')}</p>`
      }`;
    const { unit } = home;
    return html`${heading}
      <p class="unit">${t(l, 'unitLine', { building: unit.building, stairwell: unit.stairwell, room: unit.room })}
        <br /><span class="hint">${t(l, 'asOf', { date: day(home.asOf, l) })}</span></p>
      <p id="done" class="done" role="status" tabindex="-1">${this.done ?? ''}</p>
      ${this.renderNow(home, l)}
      ${this.renderLinks(home, l)}
      <section class="part" aria-labelledby="owe">
        <h2 id="owe">${t(l, 'owe')}</h2>
        ${home.accounts.length === 0 ? html`<p>${t(l, 'noFunds')}</p>` : home.accounts.map((a) => fundCard(a, l))}
      </section>
      ${this.renderDuties(home, l)}
      ${this.renderRoles(home, l)}
      ${this.renderNotices(home, l)}`;
  }

  /** What needs the household now, first: motions to vote on, what it still owes, swaps waiting for it, its next turns. */
  private renderNow(home: HouseholdHome, l: Locale): TemplateResult {
    const owed = home.accounts
      .filter((a) => a.balance > 0)
      .map(
        (a) =>
          html`<li>${t(l, 'nowOwed', { fund: a.fundName, amount: money(a.balance, l) })}${
            a.overdue > 0 ? t(l, 'nowOverdue', { amount: money(a.overdue, l) }) : ''
          }</li>`,
      );
    const turns = home.duties.flatMap((d) => [
      ...(d.asked.length > 0
        ? [html`<li>${t(l, 'nowAsked', { duty: d.name, count: String(d.asked.length) })}</li>`]
        : []),
      ...d.next
        .slice(0, 1)
        .map(
          (date) => html`<li>${t(l, 'nowNext', { duty: d.name, date: weekday(date, l), time: d.time })}</li>`,
        ),
    ]);
    // Votes first: a motion closes on its day, whoever forgot it.
    const toVote = home.motions.filter((m) => m.voted === false).length;
    const votes =
      toVote > 0
        ? [
            html`<li><a href="${this.base}/motions">${toVote === 1 ? t(l, 'nowVote') : t(l, 'nowVotes', { count: String(toVote) })}</a></li>`,
          ]
        : [];
    const items = [...votes, ...owed, ...turns];
    return html`<section class="part now" aria-labelledby="now">
      <h2 id="now">${t(l, 'now')}</h2>
      ${items.length === 0 ? html`<p>${t(l, 'nothingNow')}</p>` : html`<ul class="plain">${items}</ul>`}
    </section>`;
  }

  private renderLinks(home: HouseholdHome, l: Locale): TemplateResult {
    const toVote = home.motions.filter((m) => m.voted === false).length;
    const unread = home.notices.unread.length;
    return html`<nav aria-label=${t(l, 'goTo')}>
      <ul class="links">
        <li><a id="to-motions" href="${this.base}/motions">${
          toVote > 0 ? t(l, 'motionsToVote', { count: String(toVote) }) : t(l, 'motions')
        }</a></li>
        <li><a id="to-notices" href="${this.base}/announcements">${
          unread > 0 ? t(l, 'noticesUnread', { count: String(unread) }) : t(l, 'notices')
        }</a></li>
      </ul>
    </nav>`;
  }

  private renderDuties(home: HouseholdHome, l: Locale): TemplateResult {
    return html`<section class="part" aria-labelledby="turns">
      <h2 id="turns">${t(l, 'turns')}</h2>
      ${home.duties.length === 0 ? html`<p>${t(l, 'noDuties')}</p>` : home.duties.map((d) => this.renderDuty(d, l))}
    </section>`;
  }

  private renderDuty(duty: HouseholdDuty, l: Locale): TemplateResult {
    return html`<section class="card duty" data-duty=${duty.dutyId} aria-labelledby="duty-${duty.dutyId}">
      <h3 id="duty-${duty.dutyId}">${duty.name}</h3>
      ${
        duty.next.length === 0
          ? html`<p>${t(l, 'noNextTurn')}</p>`
          : html`<p>${t(l, 'nextTurns')}</p>
            <ul class="plain next">${duty.next.map((date) => html`<li>${t(l, 'turnAt', { date: weekday(date, l), time: duty.time })}</li>`)}</ul>`
      }
      ${this.renderAsk(duty, l)}
      ${duty.asked.map((s) => this.renderSwap(duty, s, l, 'asked'))}
      ${duty.proposed.map((s) => this.renderSwap(duty, s, l, 'proposed'))}
      ${
        duty.calendar
          ? html`<p><a id="calendar-${duty.dutyId}" href=${duty.calendar}>${t(l, 'subscribe', { name: duty.name })}</a></p>
            <p class="hint">${t(l, 'subscribeHint')}</p>`
          : nothing
      }
    </section>`;
  }

  /** The form that asks a neighbour to trade one of the household's next turns for one of theirs. */
  private renderAsk(duty: HouseholdDuty, l: Locale): TemplateResult | typeof nothing {
    if (duty.next.length === 0 || duty.others.length === 0) return nothing;
    const key = `ask-${duty.dutyId}`;
    const refusal = this.refusal?.key === key ? this.refusal.error : undefined;
    return html`<details class="ask">
      <summary>${t(l, 'askSwap')}</summary>
      <form @submit=${(e: SubmitEvent) => this.propose(e, duty)}>
        <div class="field">
          <label for="mine-${duty.dutyId}">${t(l, 'myTurn')}</label>
          <select id="mine-${duty.dutyId}" name="mine">
            ${duty.next.map((date) => html`<option value=${date}>${weekday(date, l)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="theirs-${duty.dutyId}">${t(l, 'theirTurn')}</label>
          <select id="theirs-${duty.dutyId}" name="theirs">
            ${duty.others.map(
              (o, i) =>
                html`<option value=${String(i)}>${t(l, 'theirOption', { date: weekday(o.date, l), room: o.room })}</option>`,
            )}
          </select>
        </div>
        <div class="actions">
          <button type="submit" class="primary" id="send-${duty.dutyId}" ?disabled=${this.busy === key}>${t(l, 'sendSwap')}</button>
        </div>
        ${refusal ? html`<p class="alert" id="refusal-${key}" role="alert" tabindex="-1">${refusal.message[l]}</p>` : nothing}
      </form>
    </details>`;
  }

  private renderSwap(
    duty: HouseholdDuty,
    swap: HouseholdSwap,
    l: Locale,
    side: 'asked' | 'proposed',
  ): TemplateResult {
    const words = {
      room: swap.otherRoom,
      mine: weekday(swap.mine, l),
      theirs: weekday(swap.theirs, l),
    };
    const busy = this.busy === swap.swapId;
    const refusal = this.refusal?.key === swap.swapId ? this.refusal.error : undefined;
    const button = (type: SwapAnswer, id: string, label: string, primary = false) =>
      html`<button type="button" id=${id} class=${primary ? 'primary' : ''} ?disabled=${busy}
        @click=${() => this.answer(duty, swap, type)}>${label}</button>`;
    return html`<div class="swap" data-swap=${swap.swapId}>
      ${
        side === 'asked'
          ? html`<p>${t(l, 'askedSwap', words)}</p>
            <div class="row">
              ${button('duty.acceptSwap', `accept-${swap.swapId}`, t(l, 'accept'), true)}
              ${button('duty.declineSwap', `decline-${swap.swapId}`, t(l, 'decline'))}
            </div>`
          : html`<p>${t(l, 'proposedSwap', words)}
              ${t(l, swap.stage === 'approval' ? 'waitingHead' : 'waitingOther')}</p>
            <div class="row">${button('duty.withdrawSwap', `withdraw-${swap.swapId}`, t(l, 'withdraw'))}</div>`
      }
      ${refusal ? html`<p class="alert" id="refusal-${swap.swapId}" role="alert" tabindex="-1">${refusal.message[l]}</p>` : nothing}
    </div>`;
  }

  private renderRoles(home: HouseholdHome, l: Locale): TemplateResult {
    return html`<section class="part" aria-labelledby="roles">
      <h2 id="roles">${t(l, 'roles')}</h2>
      ${
        home.roles.length === 0
          ? html`<p>${t(l, 'noRoles')}</p>`
          : html`<ul class="plain">${home.roles.map(
              (r) =>
                html`<li>${t(l, 'roleLine', { role: r.roleName[l], from: day(r.from, l), until: day(r.until, l) })}</li>`,
            )}</ul>`
      }
      <linli-roles
        lang=${l}
        endpoint=${this.base}
        .token=${this.context.sessions.token(this.community)}
        building=${home.unit.buildingId}
      ></linli-roles>
    </section>`;
  }

  private renderNotices(home: HouseholdHome, l: Locale): TemplateResult {
    const unread = home.notices.unread;
    return html`<section class="part" aria-labelledby="notices">
      <h2 id="notices">${t(l, 'notices')}</h2>
      ${
        unread.length === 0
          ? html`<p>${t(l, 'noUnread')}</p>`
          : html`<p>${unread.length === 1 ? t(l, 'unreadOne') : t(l, 'unreadCount', { count: String(unread.length) })}</p>
            <ul class="plain unread-list">${unread.map((n) => html`<li data-notice=${n.id}><span class="unread">${t(l, 'unread')}</span> ${n.title}</li>`)}</ul>`
      }
      <p><a id="all-notices" href="${this.base}/announcements">${t(l, 'allNotices')}</a></p>
    </section>`;
  }
}

if (!customElements.get('linli-resident-home-screen'))
  customElements.define('linli-resident-home-screen', ResidentHomeScreen);
