import type { Governance, LinliError, Locale, Motion } from '@linli/core';
import '@linli/widgets/define/linli-vote.js';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { isAbout, ScreenElement } from '../screen-element.js';
import { motionStyles } from './motion.styles.js';
import { t } from './paper.strings.js';
import { type PaperChoice, paperChoices } from './paper-choices.js';
import { nextPaperRef } from './paper-ref.js';
import { focusHeadingOnArrival, ReplicaController } from './replica-controller.js';
import {
  buildingsOf,
  findRoom,
  type RoomMatch,
  roomLabel,
  roomsOf,
  roomsRepeat,
  withRoomNames,
} from './room-lookup.js';

/** A problem found on this device before anything is sent (a room that does not exist, no answer). */
interface LocalProblem {
  readonly path: readonly string[];
  readonly text: string;
}

/** One paper entered in this sitting: what undo withdraws. */
interface Entered {
  readonly voterId: string;
  readonly room: string;
  readonly ref: string;
  readonly choice: string;
}

/**
 * Paper ballots at `/c/:community/organizer/motions/:motion/paper`, keyboard first, for 90 forms in an
 * evening: type the room, press the answer's number, type the ballot number, Enter. Each paper is a
 * `ballot.cast` with its `paperRef` (the server records the entering organizer); focus returns to the
 * room after each. The room resolves to the unit on this device and to the roll's voter by the
 * replica's frozen roll; the core decides the rest (not on the roll, already cast, closed), shown inline
 * as its typed error. Undo withdraws the last paper entered here with `ballot.withdraw`, a correcting
 * event: the log keeps both.
 */
export class PaperScreen extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    building: { state: true },
    room: { state: true },
    choice: { state: true },
    paperRef: { state: true },
    problem: { state: true },
    done: { state: true },
    entered: { state: true },
    busy: { state: true },
  };
  static override styles = [ScreenElement.styles, motionStyles];

  declare building: string | undefined;
  declare room: string;
  declare choice: number | undefined;
  declare paperRef: string;
  declare problem: LinliError | LocalProblem | undefined;
  declare done: string;
  declare entered: readonly Entered[];
  declare busy: boolean;
  readonly #replica = new ReplicaController(this);

  constructor() {
    super();
    this.building = undefined;
    this.room = '';
    this.choice = undefined;
    this.paperRef = '';
    this.problem = undefined;
    this.done = '';
    this.entered = [];
    this.busy = false;
  }

  private get community(): string {
    return this.context.params.community ?? '';
  }
  private get motionId(): string {
    return this.context.params.motion ?? '';
  }

  protected override updated(): void {
    focusHeadingOnArrival(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('context'))
      this.#replica.follow(this.community, this.context.sessions.token(this.community));
  }

  /** The message of the problem at `path`, or of a problem at no field when `path` is undefined. */
  private problemAt(path: string | undefined): string | undefined {
    const p = this.problem;
    if (!p) return undefined;
    const fields = ['voterId', 'choice', 'paperRef'];
    const at = (f: string) => ('text' in p ? p.path[0] === f : isAbout(p, [f]));
    const hit = path === undefined ? !fields.some(at) : at(path);
    if (!hit) return undefined;
    return 'text' in p ? p.text : p.message[this.locale];
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const gov = this.#replica.governance;
    const m = gov?.motions.value.find((x) => x.id === this.motionId);
    const back = `/c/${encodeURIComponent(this.community)}/organizer/motions/${encodeURIComponent(this.motionId)}`;
    const head = html`<h1 id="title" tabindex="-1">${m ? t(l, 'titleOf', { title: m.title }) : t(l, 'title')}</h1>
      <p><a href=${back}>${t(l, 'back')}</a></p>`;
    if (!gov || !m) {
      const error = this.#replica.error;
      return html`${head}${error ? html`<p class="alert" role="alert">${error.message[l]}</p>` : html`<p role="status">…</p>`}`;
    }
    const choices = paperChoices(m);
    if (m.status !== 'open') return html`${head}<p class="alert" role="alert">${t(l, 'notOpen')}</p>`;
    if (choices.length === 0) return html`${head}<p class="alert" role="alert">${t(l, 'notPaper')}</p>`;
    return html`${head}
      <div class="columns">
        <div>${this.renderForm(gov, m, choices, l)} ${this.renderEntered(l)}</div>
        <section aria-labelledby="tally-h">
          <h2 id="tally-h">${t(l, 'runningTally')}</h2>
          <linli-vote .governance=${gov} motion=${m.id}></linli-vote>
        </section>
      </div>`;
  }

  private renderForm(gov: Governance, m: Motion, choices: readonly PaperChoice[], l: Locale): TemplateResult {
    const rooms = roomsOf(gov);
    const repeat = roomsRepeat(rooms);
    const match = findRoom(rooms, m, this.room, this.building);
    const roomProblem = this.problemAt('voterId');
    const choiceProblem = this.problemAt('choice');
    const refProblem = this.problemAt('paperRef');
    const general = this.problemAt(undefined);
    return html`<form id="paper-form" @submit=${(e: Event) => this.submit(e, gov, m, choices)}>
      <p class="hint">${t(l, 'howTo')}</p>
      ${
        repeat
          ? html`<div class="field">
            <label for="building">${t(l, 'building')}</label>
            <select id="building" @change=${(e: Event) => {
              this.building = (e.target as HTMLSelectElement).value || undefined;
            }}>
              <option value="" ?selected=${this.building === undefined}>—</option>
              ${buildingsOf(gov).map((b) => html`<option value=${b.id} ?selected=${this.building === b.id}>${b.name}</option>`)}
            </select>
          </div>`
          : nothing
      }
      <div class="field">
        <label for="room">${t(l, 'room')}</label>
        <input id="room" type="text" inputmode="numeric" autocomplete="off" required .value=${this.room}
          aria-invalid=${roomProblem ? 'true' : 'false'} aria-describedby="room-status"
          @input=${(e: Event) => {
            this.room = (e.target as HTMLInputElement).value;
            this.problem = undefined;
          }} />
        <p id="room-status" class=${roomProblem ? 'error' : 'hint'} aria-live="polite">
          ${roomProblem ?? this.describeMatch(gov, m, match, l)}
        </p>
      </div>
      <fieldset id="choices" @keydown=${(e: KeyboardEvent) => this.pickByKey(e, choices)}
        aria-describedby=${choiceProblem ? 'choice-error' : nothing}>
        <legend>${t(l, 'choice', { n: String(Math.min(choices.length, 9)) })}</legend>
        <div class="choices">
          ${choices.map(
            (c, i) => html`<label class="choice">
              <input type="radio" name="choice" value=${String(i)} .checked=${this.choice === i}
                @change=${() => {
                  this.choice = i;
                }} />
              ${i < 9 ? html`<kbd>${i + 1}</kbd>` : nothing} ${c.label[l]}
            </label>`,
          )}
        </div>
        ${choiceProblem ? html`<p class="error" id="choice-error">${choiceProblem}</p>` : nothing}
      </fieldset>
      <div class="field">
        <label for="paper-ref">${t(l, 'paperRef')}</label>
        <input id="paper-ref" type="text" autocomplete="off" required .value=${this.paperRef}
          aria-invalid=${refProblem ? 'true' : 'false'}
          aria-describedby=${refProblem ? 'paper-ref-error' : nothing}
          @input=${(e: Event) => {
            this.paperRef = (e.target as HTMLInputElement).value;
          }} />
        ${refProblem ? html`<p class="error" id="paper-ref-error">${refProblem}</p>` : nothing}
      </div>
      ${general ? html`<p class="alert" role="alert">${general}</p>` : nothing}
      <div class="row">
        <button type="submit" class="primary" id="submit" ?disabled=${this.busy}>${t(l, 'submit')}</button>
      </div>
      <p role="status" class="done" id="done">${this.done}</p>
    </form>`;
  }

  private describeMatch(gov: Governance, m: Motion, match: RoomMatch, l: Locale): string {
    const typed = this.room.trim();
    if (typed === '') return '';
    if (match.kind === 'none') return t(l, 'noRoom', { room: typed });
    if (match.kind === 'ambiguous') return t(l, 'ambiguous', { room: typed });
    const room = roomLabel(gov, match.unit.unitId);
    if (!match.voter) return t(l, 'notOnRoll', { room });
    const voterId = match.voter.id;
    const voted = gov.ballots(m.id).some((b) => b.voterId === voterId) || gov.voted(m.id).includes(voterId);
    return voted ? t(l, 'alreadyVoted', { room }) : t(l, 'found', { room });
  }

  private renderEntered(l: Locale): TemplateResult | typeof nothing {
    const last = this.entered.at(-1);
    if (!last) return nothing;
    return html`<section aria-labelledby="entered-h">
      <h2 id="entered-h">${t(l, 'thisEvening', { n: String(this.entered.length) })}</h2>
      <p>
        <button type="button" id="undo" ?disabled=${this.busy} @click=${() => this.undo(last)}>
          ${t(l, 'undo', { room: last.room, ref: last.ref })}
        </button>
      </p>
      <ol class="history" reversed>
        ${[...this.entered].reverse().map((e) => html`<li>${t(l, 'entered', { ...e })}</li>`)}
      </ol>
    </section>`;
  }

  /** Keys 1–9 pick the answer while focus is on the answers (digits elsewhere are the room and the number). */
  private pickByKey(event: KeyboardEvent, choices: readonly PaperChoice[]): void {
    const n = Number.parseInt(event.key, 10);
    if (!(n >= 1 && n <= Math.min(choices.length, 9))) return;
    event.preventDefault();
    this.choice = n - 1;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLInputElement>(`input[name=choice][value="${n - 1}"]`)?.focus(),
    );
  }

  private async submit(
    event: Event,
    gov: Governance,
    m: Motion,
    choices: readonly PaperChoice[],
  ): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const l = this.locale;
    const match = findRoom(roomsOf(gov), m, this.room, this.building);
    const typed = this.room.trim();
    if (match.kind !== 'unit') {
      this.problem = {
        path: ['voterId'],
        text: t(l, match.kind === 'none' ? 'noRoom' : 'ambiguous', { room: typed }),
      };
      this.focusField('room');
      return;
    }
    const choice = this.choice === undefined ? undefined : choices[this.choice];
    if (!choice) {
      this.problem = { path: ['choice'], text: t(l, 'pickChoice') };
      this.focusField('choices input');
      return;
    }
    // A unit not on the roll is sent as itself: the core refuses it as not eligible, in its words.
    const voterId = match.voter?.id ?? match.unit.unitId;
    const paperRef = this.paperRef.trim();
    const command = { type: 'ballot.cast', motionId: m.id, voterId, paperRef, ...choice.fields };
    this.busy = true;
    const answer = await this.context.api.send('POST', `/c/${encodeURIComponent(this.community)}/commands`, {
      command,
    });
    this.busy = false;
    if (!answer.ok) {
      this.problem = withRoomNames(answer.error, gov, m);
      this.done = '';
      this.focusField(isAbout(answer.error, ['paperRef']) ? 'paper-ref' : 'room');
      return;
    }
    const entry = {
      voterId,
      room: roomLabel(gov, match.unit.unitId),
      ref: paperRef,
      choice: choice.label[l],
    };
    this.entered = [...this.entered, entry];
    this.done = t(l, 'entered', entry);
    this.problem = undefined;
    this.room = '';
    this.choice = undefined;
    this.paperRef = nextPaperRef(paperRef);
    this.focusField('room');
  }

  private async undo(last: Entered): Promise<void> {
    if (this.busy) return;
    const command = {
      type: 'ballot.withdraw',
      motionId: this.motionId,
      voterId: last.voterId,
      paperRef: last.ref,
    };
    this.busy = true;
    const answer = await this.context.api.send('POST', `/c/${encodeURIComponent(this.community)}/commands`, {
      command,
    });
    this.busy = false;
    if (!answer.ok) {
      this.problem = answer.error;
      return;
    }
    this.entered = this.entered.slice(0, -1);
    this.problem = undefined;
    this.done = t(this.locale, 'undone', { room: last.room, ref: last.ref });
    this.paperRef = last.ref; // the paper goes back on the pile: its number is next
    this.focusField('room');
  }

  private focusField(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${selector}`)?.focus());
  }
}

if (!customElements.get('linli-paper-screen')) customElements.define('linli-paper-screen', PaperScreen);
