import '@linli/widgets/define/linli-vote.js';
import {
  amendmentStatus,
  ballotChoiceText,
  type HouseholdSeat,
  type LinliError,
  type Locale,
  type Motion,
} from '@linli/core';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { residentLiveStatus } from '../live-status.js';
import { isAbout, ScreenElement } from '../screen-element.js';
import { loadHouseholdMotions, type MotionForHousehold } from './household-motions.js';
import { groupOf } from './motion-groups.js';
import { renderProjects, renderResult } from './motion-outcome.js';
import { t } from './resident-motions.strings.js';
import { residentMotionStyles } from './resident-motions.styles.js';
import { holderLabel, seatLabel } from './seat-label.js';

/** A seat's key: its voter and, for a proxy, the proxy. */
const seatKey = (s: HouseholdSeat) => `${s.voterId}\u0000${s.proxyId ?? ''}`;

/**
 * One motion for a household at `/c/:community/motions/:motion`: `<linli-vote>` for each ballot the
 * household may cast (its own voters', and the proxies it holds: picked one at a time), with what it
 * voted from its own read (a secret motion's too, never from the public view); the projects and their
 * costs of a participatory budget; the convention's text with its amendments and, on a draft open to
 * residents' amendments, the form to propose one; after close the outcome, winners, adopted text and
 * funded projects, and a link to the full 公示. `<linli-live-status>` at the top says when what is
 * shown is not live and when a ballot made offline waits to be sent.
 */
export class ResidentMotionScreen extends ScreenElement {
  static override styles = [ScreenElement.styles, residentMotionStyles];
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    item: { state: true },
    missing: { state: true },
    error: { state: true },
    seat: { state: true },
    recorded: { state: true },
    amendError: { state: true },
    amendSent: { state: true },
    busy: { state: true },
  };

  declare private item: MotionForHousehold | undefined;
  declare private missing: 'unknown' | 'notYours' | undefined;
  declare private error: LinliError | undefined;
  /** The key of the seat being voted. */
  declare private seat: string;
  /** The ballot just recorded, as the household's own read says it. */
  declare private recorded: string;
  declare private amendError: LinliError | undefined;
  declare private amendSent: boolean;
  declare private busy: boolean;
  private loadedFor = '';

  constructor() {
    super();
    this.seat = '';
    this.recorded = '';
    this.amendSent = false;
    this.busy = false;
  }

  private get community(): string {
    return this.context.params.community ?? '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('context')) return;
    const unit = this.context.session?.kind === 'household' ? this.context.session.unitId : '';
    const key = `${this.community}\u0000${this.context.params.motion ?? ''}\u0000${unit}`;
    if (key !== this.loadedFor) {
      this.loadedFor = key;
      this.item = undefined;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    this.error = undefined;
    const answer = await loadHouseholdMotions(this.context.api, this.community);
    if (!answer.ok) {
      this.error = answer.error;
      return;
    }
    const id = this.context.params.motion ?? '';
    const item = answer.value.items.find((i) => i.motion.id === id);
    // Another building's motion is not this household's: say so, rather than that it does not exist.
    this.missing = item === undefined ? (answer.value.all.has(id) ? 'notYours' : 'unknown') : undefined;
    this.item = item;
    const seats = item?.mine.seats ?? [];
    if (!seats.some((s) => seatKey(s) === this.seat)) {
      const first = seats.find((s) => !s.voted) ?? seats[0];
      this.seat = first ? seatKey(first) : '';
    }
  }

  /** After `<linli-vote>` recorded a ballot: the household's own read says what now stands. */
  private async onCast(): Promise<void> {
    await this.load();
    const seat = this.item?.mine.seats.find((s) => seatKey(s) === this.seat);
    this.recorded =
      seat?.ballot && this.item
        ? t(this.locale, 'recorded', { choice: this.choice(this.item.motion, seat) })
        : '';
  }

  private choice(motion: Motion, seat: HouseholdSeat): string {
    return seat.ballot ? ballotChoiceText(motion, seat.ballot.choice, this.locale) : '';
  }

  private renderSeats(item: MotionForHousehold, open: boolean): TemplateResult | typeof nothing {
    const l = this.locale;
    const { seats } = item.mine;
    if (seats.length === 0) return open ? html`<p class="card">${t(l, 'cantVote')}</p>` : nothing;
    // Once voting is over a missing ballot is no longer something to do.
    const status = (s: HouseholdSeat) =>
      s.voted
        ? t(l, 'youVoted', { choice: this.choice(item.motion, s) })
        : t(l, open ? 'notYet' : 'didNotVote');
    const mark = (s: HouseholdSeat) => (s.voted ? 'done' : open ? 'todo' : '');
    if (seats.length === 1) {
      const only = seats[0] as HouseholdSeat;
      return html`<section aria-labelledby="seats-title">
        <h2 id="seats-title">${t(l, 'yourBallots')}</h2>
        <p id="seat-status" class=${mark(only)}>${seatLabel(only, seats, l)}：${status(only)}</p>
      </section>`;
    }
    return html`<section aria-labelledby="seats-title">
      <h2 id="seats-title">${t(l, 'yourBallots')}</h2>
      <fieldset>
        <legend>${t(l, 'pickSeat')}</legend>
        ${seats.map(
          (s, i) => html`<label class="choice"
            ><input
              type="radio"
              name="seat"
              id=${`seat-${i}`}
              .checked=${seatKey(s) === this.seat}
              @change=${() => {
                this.seat = seatKey(s);
                this.recorded = '';
              }}
            />
            <span>${seatLabel(s, seats, l)}<br /><span class=${mark(s)}>${status(s)}</span></span></label
          >`,
        )}
      </fieldset>
    </section>`;
  }

  private renderAmendments(item: MotionForHousehold): TemplateResult | typeof nothing {
    const { motion: m, mine } = item;
    const l = this.locale;
    const mayPropose = m.status === 'draft' && mine.amendAs.length > 0;
    if (m.amendments.length === 0 && !mayPropose) return nothing;
    const by = (a: Motion['amendments'][number]) => (a.voterId ? item.room(a.voterId) : undefined);
    return html`<section aria-labelledby="amendments-title">
      <h2 id="amendments-title">${t(l, 'amendments')}</h2>
      ${m.amendments.length === 0 ? html`<p>${t(l, 'noAmendments')}</p>` : nothing}
      ${m.amendments.map((a) => {
        const status = amendmentStatus(a);
        const room = by(a);
        return html`<div class="card amendment" id=${`amendment-${a.id}`}>
          <p><strong>${t(l, status)}</strong>${room ? html` · ${l === 'zh-CN' ? `${room}室` : `Room ${room}`}` : nothing}</p>
          <p class="text">${a.text}</p>
          ${a.note ? html`<p>${t(l, 'reason', { note: a.note })}</p>` : nothing}
          ${a.rejectReason ? html`<p>${t(l, 'rejectReason', { reason: a.rejectReason })}</p>` : nothing}
        </div>`;
      })}
      ${mayPropose ? this.renderProposal(m, mine.amendAs[0] as string) : nothing}
    </section>`;
  }

  private renderProposal(m: Motion, voterId: string): TemplateResult {
    const l = this.locale;
    const error = this.amendError;
    const onText = isAbout(error, ['text']);
    return html`<form id="propose" @submit=${(e: SubmitEvent) => this.propose(e, m, voterId)} novalidate>
      <fieldset>
        <legend>${t(l, 'propose')}</legend>
        <p class="hint" id="propose-hint">${t(l, 'proposeHint')}</p>
        <div class="field">
          <label for="amend-text">${t(l, 'amendText')}</label>
          <textarea
            id="amend-text"
            name="text"
            aria-describedby=${`propose-hint${onText ? ' amend-error' : ''}`}
            aria-invalid=${onText ? 'true' : 'false'}
            .value=${m.body}
          ></textarea>
        </div>
        <div class="field">
          <label for="amend-note">${t(l, 'amendNote')}</label>
          <input id="amend-note" name="note" type="text" />
        </div>
        ${error ? html`<p class="error" id="amend-error" role="alert">${error.message[l]}</p>` : nothing}
        ${this.amendSent ? html`<p role="status">${t(l, 'sent')}</p>` : nothing}
        <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>${t(l, 'send')}</button></div>
      </fieldset>
    </form>`;
  }

  private async propose(event: SubmitEvent, m: Motion, voterId: string): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const note = String(form.get('note') ?? '').trim();
    this.busy = true;
    this.amendSent = false;
    const answer = await this.context.api.send('POST', `/c/${encodeURIComponent(this.community)}/commands`, {
      command: {
        type: 'motion.proposeAmendment',
        motionId: m.id,
        voterId,
        text: String(form.get('text') ?? ''),
        ...(note ? { note } : {}),
      },
    });
    this.busy = false;
    if (!answer.ok) {
      this.amendError = answer.error;
      await this.updateComplete;
      this.renderRoot
        .querySelector<HTMLElement>(isAbout(answer.error, ['text']) ? '#amend-text' : '#amend-error')
        ?.focus();
      return;
    }
    this.amendError = undefined;
    this.amendSent = true;
    await this.load();
  }

  private renderVote(item: MotionForHousehold): TemplateResult {
    const seat = item.mine.seats.find((s) => seatKey(s) === this.seat);
    const l = this.locale;
    return html`${this.recorded ? html`<p class="card done" role="status" id="recorded">${this.recorded}</p>` : html`<p role="status"></p>`}
      <linli-vote
        lang=${l}
        endpoint=${`/c/${encodeURIComponent(this.community)}`}
        .token=${this.context.sessions.token(this.community)}
        motion=${item.motion.id}
        voter=${seat?.voterId ?? ''}
        proxy=${seat?.proxyId ?? ''}
        holder=${holderLabel(seat, l)}
        @linli-ballot-cast=${() => this.onCast()}
      ></linli-vote>`;
  }

  private renderDraft(m: Motion, l: Locale): TemplateResult {
    return html`<p class="card">${t(l, 'draft')}</p>
      ${m.body ? html`<p class="text card" id="body">${m.body}</p>` : nothing}`;
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const back = html`<p><a href=${`/c/${encodeURIComponent(this.community)}/motions`}>${t(l, 'back')}</a></p>`;
    const item = this.item;
    const title = html`<h1 id="title" tabindex="-1">${item?.motion.title ?? t(l, 'motion')}</h1>`;
    if (this.error)
      return html`${title}<p class="alert" role="alert">${this.error.message[l]}</p>
        <button type="button" @click=${() => this.load()}>${t(l, 'retry')}</button>${back}`;
    if (this.missing) return html`${title}<p class="alert" role="alert">${t(l, this.missing)}</p>${back}`;
    if (!item) return html`${title}<p role="status">${t(l, 'loading')}</p>`;
    const m = item.motion;
    const group = groupOf(m, item.tally);
    // What matters first: a closed motion's result; the projects' costs before a budget's ballot.
    // Says when what is shown is not live, and that a ballot made offline waits to be sent.
    const live = residentLiveStatus(this.context, l);
    return html`${title}${back}${live} ${renderResult(item, l, this.community)} ${renderProjects(m, l)}
      ${group === 'upcoming' ? this.renderDraft(m, l) : html`${this.renderSeats(item, group === 'open')}${this.renderVote(item)}`}
      ${this.renderAmendments(item)}`;
  }
}

if (!customElements.get('linli-resident-motion-screen'))
  customElements.define('linli-resident-motion-screen', ResidentMotionScreen);
