import {
  type Duty,
  dutyFairness,
  type Governance,
  type LocalDate,
  type Locale,
  localDateOf,
  type RosterSlot,
  type SwapWithStage,
  swapStage,
} from '@linli/core';
import { html, nothing, type TemplateResult } from 'lit';
import { CommandScreen } from '../command-screen.js';
import { ScreenElement } from '../screen-element.js';
import { t } from './duties.strings.js';
import { dutyFormStyles } from './duty.styles.js';
import { absenceForm, coverForm, type FormHost, overrideForm } from './duty-forms.js';
import { dutyPaths, whenOf } from './duty-templates.js';
import {
  dayLabel,
  lastDayOf,
  type MonthKey,
  monthLabel,
  monthsFrom,
  type RoomOf,
  servedBy,
  slotNotes,
} from './rota-months.js';

/** How many upcoming turns the cover and change forms offer. */
const TURNS_OFFERED = 60;

/** What the screen shows of one duty, computed once per render from the replica. */
interface DutyView {
  readonly duty: Duty;
  readonly today: LocalDate;
  readonly months: readonly MonthKey[];
  readonly slots: readonly RosterSlot[];
  readonly room: RoomOf;
  readonly fairness: ReturnType<typeof dutyFairness>;
}

function dutyView(gov: Governance, dutyId: string, today: LocalDate): DutyView | undefined {
  const duty = gov.duty(dutyId);
  if (!duty) return undefined;
  const months = monthsFrom(today, 12);
  const end = lastDayOf(months.at(-1) as MonthKey);
  const roster = gov.roster(dutyId, end);
  const slots = roster.filter((s) => s.date >= today);
  const fairness = gov.read((s) => dutyFairness(s.community, duty, roster, today, end));
  const room: RoomOf = (unitId) => gov.unit(unitId)?.room ?? unitId;
  return { duty, today, months, slots, room, fairness };
}

/**
 * `/c/:community/organizer/duties/:duty`: one rota from the community's live replica — pending swaps
 * (approve or decline where the duty requires approval), the next 12 months by month (who is on each
 * date, holidays skipped or moved, swaps, covers, changes; each month printable), the fairness
 * statistics over those months, absences, covers and changes. Every action waits for a confirmation;
 * a refusal shows the core's typed error in its place and nothing changes.
 */
export class DutyScreen extends CommandScreen {
  static override styles = [ScreenElement.styles, dutyFormStyles];

  protected override render(): TemplateResult {
    const l = this.locale;
    const gov = this.replica.governance;
    const paths = dutyPaths(this.context.params);
    const back = html`<p><a href=${paths.list}>${t(l, 'back')}</a></p>`;
    if (!gov) return html`<h1 tabindex="-1">${t(l, 'title')}</h1>${back}${this.loadState(t(l, 'loading'))}`;
    const view = dutyView(gov, paths.dutyId, localDateOf(new Date()));
    if (!view)
      return html`<h1 tabindex="-1">${t(l, 'title')}</h1>${back}<p class="alert" role="alert">${t(l, 'notFound')}</p>`;
    const { duty } = view;
    const host = this.formHost(view);
    return html`<h1 tabindex="-1">${duty.name}</h1>${back}
      <p>${t(l, 'summary', {
        when: whenOf({ ...duty, rule: duty.recurrence.rule }, l),
        policy: t(l, duty.policy),
        exempt: duty.exemptAge === undefined ? '' : t(l, 'exemptAge', { age: String(duty.exemptAge) }),
        approval: t(l, duty.swapNeedsApproval ? 'needsApproval' : 'noApproval'),
      })}</p>
      ${this.renderDone()}
      ${this.renderSwaps(view, l)}
      <section aria-labelledby="months-h"><h2 id="months-h">${t(l, 'months')}</h2>
        ${view.months.map((m) => this.renderMonth(view, m, l))}</section>
      ${this.renderFairness(view, l)}
      <section class="card" aria-labelledby="absences-h"><h2 id="absences-h">${t(l, 'absences')}</h2>
        ${
          duty.absences.length === 0
            ? html`<p>${t(l, 'noAbsences')}</p>`
            : html`<ul class="plain" id="absences">${duty.absences.map(
                (a) =>
                  html`<li>${t(l, 'absenceLine', { room: t(l, 'room', { room: view.room(a.memberId) }), from: a.from, to: a.to, reason: a.reason })}</li>`,
              )}</ul>`
        }
        ${absenceForm(host)}</section>
      <section class="card" aria-labelledby="changes-h"><h2 id="changes-h">${t(l, 'changes')}</h2>
        ${coverForm(host)}${overrideForm(host)}</section>`;
  }

  private formHost(view: DutyView): FormHost {
    return {
      locale: this.locale,
      duty: view.duty,
      upcoming: view.slots.filter((s) => !s.skipped && s.assignees.length > 0).slice(0, TURNS_OFFERED),
      room: view.room,
      error: this.error,
      ask: (key, action) => this.ask(key, action),
      renderConfirm: (key) => this.renderConfirm(key, this.locale),
      renderError: (key) => this.renderError(key, this.locale),
    };
  }

  private renderMonth(view: DutyView, month: MonthKey, l: Locale): TemplateResult {
    const slots = view.slots.filter((s) => s.date.startsWith(month));
    const label = monthLabel(month, l);
    return html`<section aria-labelledby="m-${month}" id="month-${month}">
      <h3 id="m-${month}">${label}</h3>
      ${
        slots.length === 0
          ? html`<p>${t(l, 'noSlots')}</p>`
          : html`<table><thead><tr><th scope="col">${t(l, 'date')}</th><th scope="col">${t(l, 'onDuty')}</th>
              <th scope="col">${t(l, 'note')}</th></tr></thead>
              <tbody>${slots.map(
                (
                  s,
                ) => html`<tr data-date=${s.date}><td>${dayLabel(s.date, l)}</td><td>${servedBy(s, view.room, l)}</td>
                  <td>${slotNotes(s, view.room, l).join('；')}</td></tr>`,
              )}</tbody></table>`
      }
      <p><a class="action" href=${dutyPaths({ ...this.context.params }).month(month)}>${t(l, 'printMonth', { label })}</a></p>
    </section>`;
  }

  private renderFairness(view: DutyView, l: Locale): TemplateResult {
    const { fairness } = view;
    return html`<section class="card" aria-labelledby="fairness-h" id="fairness">
      <h2 id="fairness-h">${t(l, 'fairness')}</h2>
      <p id="spread">${t(l, 'spread', { most: String(fairness.most), fewest: String(fairness.fewest), spread: String(fairness.spread) })}</p>
      <table class="fairness"><thead><tr><th scope="col">${t(l, 'household')}</th><th scope="col" class="num">${t(l, 'turns')}</th>
        <th scope="col">${t(l, 'note')}</th></tr></thead>
        <tbody>${fairness.households.map((h) => {
          const days = { 'exempt-age': h.exemptDays, vacant: h.vacantDays, away: h.awayDays };
          return html`<tr data-member=${h.memberId}><td>${t(l, 'room', { room: view.room(h.memberId) })}</td>
            <td class="num">${h.served}</td>
            <td>${h.excluded ? t(l, h.excluded, { days: String(days[h.excluded]) }) : ''}</td></tr>`;
        })}</tbody></table>
    </section>`;
  }

  private renderSwaps(view: DutyView, l: Locale): TemplateResult {
    const { duty } = view;
    const swaps = duty.swaps.map((s): SwapWithStage => ({ ...s, stage: swapStage(duty, s) }));
    return html`<section class="card" aria-labelledby="swaps-h" id="swaps"><h2 id="swaps-h">${t(l, 'swaps')}</h2>
      ${
        swaps.length === 0
          ? html`<p>${t(l, 'noSwaps')}</p>`
          : html`<ul class="plain">${swaps.map((s) => this.renderSwap(view, s, l))}</ul>`
      }</section>`;
  }

  private renderSwap(view: DutyView, swap: SwapWithStage, l: Locale): TemplateResult {
    const a = t(l, 'room', { room: view.room(swap.first.memberId) });
    const b = t(l, 'room', { room: view.room(swap.second.memberId) });
    const line = t(l, 'swapLine', {
      a,
      da: dayLabel(swap.first.date, l),
      b,
      db: dayLabel(swap.second.date, l),
    });
    const stage = swap.stage === 'approval' ? t(l, 'approvalStage') : t(l, swap.stage, { b });
    const key = `swap-${swap.id}`;
    const step = (type: string, label: 'approve' | 'decline', text: 'confirmApprove' | 'confirmDecline') =>
      html`<button type="button" id="${label}-${swap.id}" class=${label === 'approve' ? 'primary' : ''} @click=${() =>
        this.ask(key, {
          command: { type, dutyId: view.duty.id, swapId: swap.id },
          text: t(l, text, { line }),
        })}>${t(l, label)}</button>`;
    // The organizer approves only where the duty requires it; declining answers a request or refuses approval.
    const actions =
      swap.stage === 'approval'
        ? html`${step('duty.approveSwap', 'approve', 'confirmApprove')}${step('duty.declineSwap', 'decline', 'confirmDecline')}`
        : nothing;
    return html`<li id=${key}><p>${line}</p><p><strong>${stage}</strong></p>
      ${this.renderConfirm(key, l) ?? (actions === nothing ? nothing : html`<div class="row">${actions}</div>`)}
      ${this.renderError(key, l)}</li>`;
  }
}

if (!customElements.get('linli-duty-screen')) customElements.define('linli-duty-screen', DutyScreen);
