import type { Ballot, Governance, LinliError, Locale, Motion } from '@linli/core';
import '@linli/widgets/define/linli-vote.js';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { type OrganizerPerson, organizersOf } from '../../api/organizers.js';
import { isAbout, ScreenElement } from '../screen-element.js';
import { checkBallotNumber } from './ballot-number-check.js';
import { motionStyles } from './motion.styles.js';
import { t } from './paper.strings.js';
import { type PaperChoice, paperChoices } from './paper-choices.js';
import { describeMarks, type MarksInput, marksFields, paperModeOf, withOptionLabels } from './paper-marks.js';
import { marksForm, noMarks } from './paper-marks-form.js';
import { activeProxiesOf, proxyChoice, proxyHolderOf } from './paper-proxy.js';
import { paperQueue, type QueuedPaper } from './paper-queue.js';
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

/** One paper entered in this sitting: what undo withdraws (or rejects, while it waits for a check). */
interface Entered {
  readonly voterId: string;
  readonly room: string;
  readonly ref: string;
  readonly choice: string;
  /** The proxy holder who signed it, for a proxy ballot. */
  readonly holder?: string;
}

/** A typed ballot number that is not the room's printed one, waiting for a deliberate second Enter. */
interface NumberWarning {
  readonly voterId: string;
  readonly ref: string;
  readonly text: string;
}

/** The `ballot.cast` fields (and so error paths) that carry a paper's marks. */
const markFields = ['choice', 'vote', 'option', 'options', 'scores', 'ranking', 'points'];

/** A line about a paper, with the proxy holder who signed it when there was one. */
const withHolder = (line: string, holder: string | undefined, l: Locale) =>
  holder === undefined ? line : line + t(l, 'byProxy', { holder });

/**
 * Paper ballots at `/c/:community/organizer/motions/:motion/paper`, keyboard first, for 90 forms in an
 * evening: type the room, mark the answer, type the ballot number, Enter. A yes/no or single-choice
 * paper takes one answer by its number key; approval, score, dot and ranked papers take their marks
 * (`paper-marks-form.ts`). Each paper is a `ballot.cast` with its `paperRef` (the server records the
 * entering organizer); focus returns to the room after each. The room resolves to the roll's voter on
 * this device; the core decides the rest (not on the roll, already cast, marks that make no ballot),
 * shown inline as its typed error. On a two-person motion a paper waits in the queue until another
 * organizer confirms it. Undo takes back the last paper entered here: `ballot.withdraw` once counted,
 * `ballot.rejectPaper` while it waits — correcting events, the log keeps both.
 */
export class PaperScreen extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    building: { state: true },
    room: { state: true },
    choice: { state: true },
    marks: { state: true },
    paperRef: { state: true },
    proxyId: { state: true },
    warning: { state: true },
    problem: { state: true },
    done: { state: true },
    entered: { state: true },
    people: { state: true },
    busy: { state: true },
  };
  static override styles = [ScreenElement.styles, motionStyles];

  declare building: string | undefined;
  declare room: string;
  declare choice: number | undefined;
  declare marks: MarksInput | undefined;
  declare paperRef: string;
  declare proxyId: string | undefined;
  declare warning: NumberWarning | undefined;
  declare problem: LinliError | LocalProblem | undefined;
  declare done: string;
  declare entered: readonly Entered[];
  declare people: readonly OrganizerPerson[];
  declare busy: boolean;
  readonly #replica = new ReplicaController(this);

  constructor() {
    super();
    this.building = undefined;
    this.room = '';
    this.choice = undefined;
    this.marks = undefined;
    this.paperRef = '';
    this.proxyId = undefined;
    this.warning = undefined;
    this.problem = undefined;
    this.done = '';
    this.entered = [];
    this.people = [];
    this.busy = false;
  }

  private get community(): string {
    return this.context.params.community ?? '';
  }
  private get motionId(): string {
    return this.context.params.motion ?? '';
  }
  private get me(): string | undefined {
    const session = this.context.session;
    return session?.kind === 'organizer' ? session.id : undefined;
  }

  protected override updated(): void {
    focusHeadingOnArrival(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('context')) return;
    this.#replica.follow(this.community, this.context.sessions.token(this.community));
    if (changed.get('context')?.params.community !== this.community)
      void organizersOf(this.context.api, this.community).then((people) => {
        this.people = people;
      });
  }

  /** The message of the problem at `path`, or of a problem at no field when `path` is undefined. */
  private problemAt(path: string | undefined): string | undefined {
    const p = this.problem;
    if (!p) return undefined;
    const fieldOf = (f: string) => (markFields.includes(f) ? 'choice' : f);
    const at = (f: string) => fieldOf(String(p.path[0] ?? '')) === f;
    const hit = path === undefined ? !['voterId', 'choice', 'paperRef', 'proxyId'].some(at) : at(path);
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
    if (m.status !== 'open') return html`${head}<p class="alert" role="alert">${t(l, 'notOpen')}</p>`;
    const twoPerson = m.paperCheck === 'twoPerson';
    return html`${head}
      ${twoPerson ? html`<p class="hint" id="two-person">${t(l, 'twoPerson')}</p>` : nothing}
      <div class="columns">
        <div>
          ${this.renderForm(gov, m, l)} ${twoPerson ? this.renderQueue(gov, m, l) : nothing}
          ${this.renderEntered(l)}
        </div>
        <section aria-labelledby="tally-h">
          <h2 id="tally-h">${t(l, 'runningTally')}</h2>
          <linli-vote .governance=${gov} motion=${m.id}></linli-vote>
        </section>
      </div>`;
  }

  private renderForm(gov: Governance, m: Motion, l: Locale): TemplateResult {
    const rooms = roomsOf(gov);
    const repeat = roomsRepeat(rooms);
    const match = findRoom(rooms, m, this.room, this.building);
    const roomProblem = this.problemAt('voterId');
    const refProblem = this.problemAt('paperRef');
    const general = this.problemAt(undefined);
    const mode = paperModeOf(m);
    return html`<form id="paper-form" @submit=${(e: Event) => this.submit(e, gov, m)}>
      <p class="hint">${t(l, mode === 'choice' ? 'howTo' : 'howToMarks')}</p>
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
            this.proxyId = undefined;
            this.warning = undefined;
          }} />
        <p id="room-status" class=${roomProblem ? 'error' : 'hint'} aria-live="polite">
          ${roomProblem ?? this.describeMatch(gov, m, match, l)}
        </p>
      </div>
      ${
        match.kind === 'unit' && match.voter
          ? proxyChoice({
              governance: gov,
              room: roomLabel(gov, match.unit.unitId),
              proxies: activeProxiesOf(gov, m.id, match.voter.id, this.proxyId),
              chosen: this.proxyId,
              problem: this.problemAt('proxyId'),
              locale: l,
              change: (proxyId) => {
                this.proxyId = proxyId;
                this.problem = undefined;
              },
            })
          : nothing
      }
      ${
        mode === 'choice'
          ? this.renderChoices(paperChoices(m), l)
          : marksForm({
              motion: m,
              mode,
              marks: this.marks ?? noMarks(m.options.length),
              problem: this.problemAt('choice'),
              locale: l,
              change: (marks) => {
                this.marks = marks;
                this.problem = undefined;
              },
            })
      }
      <div class="field">
        <label for="paper-ref">${t(l, 'paperRef')}</label>
        <input id="paper-ref" type="text" autocomplete="off" required .value=${this.paperRef}
          aria-invalid=${refProblem || this.warning ? 'true' : 'false'}
          aria-describedby=${refProblem ? 'paper-ref-error' : this.warning ? 'paper-ref-warning' : nothing}
          @input=${(e: Event) => {
            this.paperRef = (e.target as HTMLInputElement).value;
            this.warning = undefined;
          }} />
        ${refProblem ? html`<p class="error" id="paper-ref-error">${refProblem}</p>` : nothing}
        ${this.warning ? html`<p class="error" id="paper-ref-warning" role="alert">${this.warning.text}</p>` : nothing}
      </div>
      ${general ? html`<p class="alert" role="alert">${general}</p>` : nothing}
      <div class="row">
        <button type="submit" class="primary" id="submit" ?disabled=${this.busy}>${t(l, this.warning ? 'submitAnyway' : 'submit')}</button>
      </div>
      <p role="status" class="done" id="done">${this.done}</p>
    </form>`;
  }

  private renderChoices(choices: readonly PaperChoice[], l: Locale): TemplateResult {
    const choiceProblem = this.problemAt('choice');
    return html`<fieldset id="choices" @keydown=${(e: KeyboardEvent) => this.pickByKey(e, choices)}
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
    </fieldset>`;
  }

  private pending(gov: Governance, m: Motion): Omit<Ballot, 'revision'>[] {
    return gov.read((s) => [...(s.voting.motions.get(m.id)?.pendingPapers.values() ?? [])]);
  }

  private renderQueue(gov: Governance, m: Motion, l: Locale): TemplateResult {
    const unitOf = (voterId: string) => m.electorate.find((v) => v.id === voterId)?.unitIds[0] ?? voterId;
    const queue = this.pending(gov, m).map((ballot) => ({
      ballot,
      room: roomLabel(gov, unitOf(ballot.voterId)),
    }));
    return paperQueue({
      motion: m,
      queue,
      me: this.me,
      people: this.people,
      busy: this.busy,
      locale: l,
      act: (paper, how) => void this.check(gov, m, paper, how),
      holderOf: (proxyId) => proxyHolderOf(gov, m.id, proxyId, l),
    });
  }

  private describeMatch(gov: Governance, m: Motion, match: RoomMatch, l: Locale): string {
    const typed = this.room.trim();
    if (typed === '') return '';
    if (match.kind === 'none') return t(l, 'noRoom', { room: typed });
    if (match.kind === 'ambiguous') return t(l, 'ambiguous', { room: typed });
    const room = roomLabel(gov, match.unit.unitId);
    if (!match.voter) return t(l, 'notOnRoll', { room });
    const voterId = match.voter.id;
    if (this.pending(gov, m).some((b) => b.voterId === voterId)) return t(l, 'pendingRoom', { room });
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
        ${[...this.entered].reverse().map((e) => html`<li>${withHolder(t(l, 'entered', { ...e }), e.holder, l)}</li>`)}
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

  /** The marked answer as `ballot.cast` fields and words, or the local problem that stops it being sent. */
  private answer(m: Motion, l: Locale): { fields: Record<string, unknown>; words: string } | LocalProblem {
    const mode = paperModeOf(m);
    if (mode === 'choice') {
      const choice = this.choice === undefined ? undefined : paperChoices(m)[this.choice];
      if (!choice) return { path: ['choice'], text: t(l, 'pickChoice') };
      return { fields: choice.fields, words: choice.label[l] };
    }
    const marks = this.marks ?? noMarks(m.options.length);
    const read = marksFields(mode, m.options, marks);
    if (!read.ok) return { path: read.problem.path, text: t(l, read.problem.key, read.problem.params) };
    return { fields: read.fields, words: describeMarks(mode, m, marks, l) };
  }

  private async submit(event: Event, gov: Governance, m: Motion): Promise<void> {
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
    const answer = this.answer(m, l);
    if ('text' in answer) {
      this.problem = answer;
      this.focusMarks(m);
      return;
    }
    // A unit not on the roll is sent as itself: the core refuses it as not eligible, in its words.
    const voterId = match.voter?.id ?? match.unit.unitId;
    const paperRef = this.paperRef.trim();
    const room = roomLabel(gov, match.unit.unitId);
    const number = match.voter ? checkBallotNumber(paperRef, m.id, voterId) : ({ kind: 'own' } as const);
    if (number.kind === 'mismatch' && !this.warned(voterId, paperRef)) {
      const text = t(l, 'numberMismatch', { ref: paperRef, room, expected: number.expected });
      this.warning = { voterId, ref: paperRef, text };
      this.focusField('paper-ref');
      return;
    }
    const proxyId = this.proxyId;
    const proxy = proxyId === undefined ? {} : { proxyId };
    const command = { type: 'ballot.cast', motionId: m.id, voterId, paperRef, ...proxy, ...answer.fields };
    const sent = await this.send(command);
    if (!sent.ok) {
      this.problem = withRoomNames(withOptionLabels(sent.error, m), gov, m);
      this.done = '';
      if (isAbout(sent.error, ['paperRef'])) this.focusField('paper-ref');
      else if (isAbout(sent.error, ['proxyId'])) this.focusField('signer input');
      else if (markFields.some((f) => isAbout(sent.error, [f]))) this.focusMarks(m);
      else this.focusField('room');
      return;
    }
    const holder = proxyHolderOf(gov, m.id, proxyId, l);
    const entry = { voterId, room, ref: paperRef, choice: answer.words, ...(holder ? { holder } : {}) };
    this.entered = [...this.entered, entry];
    this.done = withHolder(
      t(l, m.paperCheck === 'twoPerson' ? 'enteredPending' : 'entered', entry),
      holder,
      l,
    );
    this.problem = undefined;
    this.warning = undefined;
    this.proxyId = undefined;
    this.room = '';
    this.choice = undefined;
    this.marks = undefined;
    // Printed numbers are one per household, in no order: the next paper's cannot be guessed.
    this.paperRef = number.kind === 'printed' ? '' : nextPaperRef(paperRef);
    this.focusField('room');
  }

  /** Whether the organizer was already told that this number is not this room's, and pressed Enter again. */
  private warned(voterId: string, ref: string): boolean {
    return this.warning?.voterId === voterId && this.warning.ref === ref;
  }

  private async send(command: Record<string, unknown>) {
    this.busy = true;
    const path = `/c/${encodeURIComponent(this.community)}/commands`;
    const answer = await this.context.api.send('POST', path, { command });
    this.busy = false;
    return answer;
  }

  /** Confirms or rejects a paper waiting for its second check. */
  private async check(gov: Governance, m: Motion, paper: QueuedPaper, how: 'confirm' | 'reject') {
    if (this.busy) return;
    const ref = paper.ballot.paper?.reference ?? '';
    const type = how === 'confirm' ? 'ballot.confirmPaper' : 'ballot.rejectPaper';
    const answer = await this.send({ type, motionId: m.id, voterId: paper.ballot.voterId, paperRef: ref });
    if (!answer.ok) {
      this.problem = withRoomNames(answer.error, gov, m);
      return;
    }
    this.problem = undefined;
    this.done = t(this.locale, how === 'confirm' ? 'confirmed' : 'rejected', { room: paper.room, ref });
    this.focusField('room');
  }

  private async undo(last: Entered): Promise<void> {
    if (this.busy) return;
    const gov = this.#replica.governance;
    const waiting = gov?.read(
      (s) =>
        s.voting.motions.get(this.motionId)?.pendingPapers.get(last.voterId)?.paper?.reference === last.ref,
    );
    const type = waiting ? 'ballot.rejectPaper' : 'ballot.withdraw';
    const answer = await this.send({
      type,
      motionId: this.motionId,
      voterId: last.voterId,
      paperRef: last.ref,
    });
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

  private focusMarks(m: Motion): void {
    const mode = paperModeOf(m);
    if (mode === 'ranked') this.focusField('order');
    else if (mode === 'score' || mode === 'dot') this.focusField('mark-0');
    else this.focusField('choices input');
  }

  private focusField(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${selector}`)?.focus());
  }
}

if (!customElements.get('linli-paper-screen')) customElements.define('linli-paper-screen', PaperScreen);
