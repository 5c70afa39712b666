import type { Duty, LinliError, LocalDate, Locale, RosterSlot } from '@linli/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { PendingCommand } from '../command-screen.js';
import { t } from './duties.strings.js';
import { dayLabel, type RoomOf } from './rota-months.js';

/** What the forms need from their screen: the confirmations, the refusals and the labels. */
export interface FormHost {
  readonly locale: Locale;
  readonly duty: Duty;
  /** The slots from today on that a cover or a change may name. */
  readonly upcoming: readonly RosterSlot[];
  readonly room: RoomOf;
  ask(key: string, action: Omit<PendingCommand, 'key'>): void;
  renderConfirm(key: string): TemplateResult | undefined;
  renderError(key: string): TemplateResult | typeof nothing;
  /** The last refusal, so a form it is about stays open. */
  readonly error: { readonly key: string; readonly error: LinliError } | undefined;
}

const field = (form: HTMLFormElement, name: string): string =>
  String(new FormData(form).get(name) ?? '').trim();

/** A `<select>` of the duty's households by room. */
function householdPicker(host: FormHost, id: string, name: string, label: string): TemplateResult {
  const l = host.locale;
  return html`<div class="field"><label for=${id}>${label}</label>
    <select id=${id} name=${name}>
      <option value="">${t(l, 'pick')}</option>
      ${host.duty.members.map((m) => html`<option value=${m}>${t(l, 'room', { room: host.room(m) })}</option>`)}
    </select></div>`;
}

const dateField = (id: string, name: string, label: string) =>
  html`<div class="field"><label for=${id}>${label}</label><input id=${id} name=${name} type="date" /></div>`;

const textField = (id: string, name: string, label: string) =>
  html`<div class="field"><label for=${id}>${label}</label>
    <input id=${id} name=${name} type="text" autocomplete="off" /></div>`;

/**
 * A form in a disclosure, then its confirmation and its refusal: the form stays (open, its fields as
 * typed) while either shows, so a refused entry is corrected rather than typed again.
 */
function disclosed(host: FormHost, key: string, summary: string, form: TemplateResult): TemplateResult {
  return html`<details ?open=${host.error?.key === key}><summary id="open-${key}">${summary}</summary>${form}</details>
    ${host.renderConfirm(key) ?? nothing}${host.renderError(key)}`;
}

/** Records an absence: a household away from one date to another (inclusive), with the reason. */
export function absenceForm(host: FormHost): TemplateResult {
  const l = host.locale;
  const key = 'absence';
  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const memberId = field(form, 'member');
    const from = field(form, 'from');
    const to = field(form, 'to');
    host.ask(key, {
      command: {
        type: 'duty.absence',
        dutyId: host.duty.id,
        memberId,
        from,
        to,
        reason: field(form, 'reason'),
      },
      text: t(l, 'confirmAbsence', { room: t(l, 'room', { room: host.room(memberId) }), from, to }),
    });
  };
  return disclosed(
    host,
    key,
    t(l, 'addAbsence'),
    html`<form @submit=${submit} aria-label=${t(l, 'addAbsence')}>
      ${householdPicker(host, 'absence-member', 'member', t(l, 'household'))}
      ${dateField('absence-from', 'from', t(l, 'from'))}
      ${dateField('absence-to', 'to', t(l, 'to'))}
      ${textField('absence-reason', 'reason', t(l, 'reason'))}
      <div class="row"><button type="submit" id="add-absence">${t(l, 'addAbsence')}</button></div>
    </form>`,
  );
}

/** The upcoming turns as `<option>`s: `date|household`, one per household on duty that day. */
function turnOptions(host: FormHost): TemplateResult[] {
  const l = host.locale;
  return host.upcoming.flatMap((slot) =>
    slot.assignees.map(
      (m) =>
        html`<option value="${slot.date}|${m}">${dayLabel(slot.date, l)} ${t(l, 'room', { room: host.room(m) })}</option>`,
    ),
  );
}

/** A one-off cover: another household serves a turn, repaid at the coverer's next turn. */
export function coverForm(host: FormHost): TemplateResult {
  const l = host.locale;
  const key = 'cover';
  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const [date = '', memberId = ''] = field(form, 'turn').split('|');
    const coverId = field(form, 'by');
    host.ask(key, {
      command: { type: 'duty.cover', dutyId: host.duty.id, date, memberId, coverId },
      text: t(l, 'confirmCover', {
        date: date ? dayLabel(date as LocalDate, l) : '—',
        by: t(l, 'room', { room: host.room(coverId) }),
        room: t(l, 'room', { room: host.room(memberId) }),
      }),
    });
  };
  return disclosed(
    host,
    key,
    t(l, 'cover'),
    html`<form @submit=${submit} aria-label=${t(l, 'cover')}>
      <div class="field"><label for="cover-turn">${t(l, 'turn')}</label>
        <select id="cover-turn" name="turn"><option value="">${t(l, 'pick')}</option>${turnOptions(host)}</select></div>
      ${householdPicker(host, 'cover-by', 'by', t(l, 'coverBy'))}
      <div class="row"><button type="submit" id="add-cover">${t(l, 'cover')}</button></div>
    </form>`,
  );
}

/** Sets who serves on a date by hand, with the reason. */
export function overrideForm(host: FormHost): TemplateResult {
  const l = host.locale;
  const key = 'override';
  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const date = field(form, 'date');
    const memberId = field(form, 'member');
    const reason = field(form, 'reason');
    host.ask(key, {
      command: {
        type: 'duty.override',
        dutyId: host.duty.id,
        date,
        assignees: memberId ? [memberId] : [],
        reason,
      },
      text: t(l, 'confirmOverride', {
        date: date ? dayLabel(date as LocalDate, l) : '—',
        room: memberId ? t(l, 'room', { room: host.room(memberId) }) : t(l, 'nobody'),
        reason,
      }),
    });
  };
  const dates = [...new Set(host.upcoming.map((s) => s.date))];
  return disclosed(
    host,
    key,
    t(l, 'override'),
    html`<form @submit=${submit} aria-label=${t(l, 'override')}>
      <div class="field"><label for="override-date">${t(l, 'turn')}</label>
        <select id="override-date" name="date"><option value="">${t(l, 'pick')}</option>
          ${dates.map((d) => html`<option value=${d}>${dayLabel(d, l)}</option>`)}</select></div>
      ${householdPicker(host, 'override-member', 'member', t(l, 'overrideTo'))}
      ${textField('override-reason', 'reason', t(l, 'reason'))}
      <div class="row"><button type="submit" id="add-override">${t(l, 'override')}</button></div>
    </form>`,
  );
}
