import type { Locale, Owner, Resident } from '@linli/core';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import {
  CommandScreen,
  type ConfirmWords,
  hundredthsOrText,
  type PendingCommand,
  fieldValue as value,
  wholeOrText,
} from '../command-screen.js';
import { formStyles } from '../form-styles.js';
import { type HouseholdRow, householdGroups, matches, namesOf, residentsOf } from './household-list.js';
import { t } from './households.strings.js';

/** A text or date field with its label; `value` is only the starting text. */
function field(
  id: string,
  name: string,
  label: string,
  extra: { type?: string; inputmode?: string; value?: string; required?: boolean } = {},
): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <input id=${id} name=${name} type=${extra.type ?? 'text'} autocomplete="off"
      inputmode=${extra.inputmode ?? 'text'} .value=${extra.value ?? ''} ?required=${extra.required ?? false} />
  </div>`;
}

function lines(id: string, name: string, label: string): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <textarea id=${id} name=${name} rows="3"></textarea>
  </div>`;
}

/** An action key (`u202/out/r202`) as an id part (`u202-out-r202`). */
const slug = (key: string) => key.replaceAll('/', '-');

/** Contact details as typed: the phone, or nothing (an empty phone clears nothing). */
const contactOf = (phone: string) => (phone ? { contact: { phone } } : {});

/**
 * `/c/:community/organizer/households`: every household by building, stairwell and room with its
 * owners and residents, from the community's live replica; a search by room or name; adding a
 * household, and for one household at a time (「管理」) correcting its owners and residents, moving a
 * resident in or out on a date and recording a transfer of ownership with its date. Every action
 * waits for a confirmation; a refusal shows the core's typed error below the form, and nothing changes.
 */
export class HouseholdsScreen extends CommandScreen {
  static override properties: PropertyDeclarations = {
    ...CommandScreen.properties,
    query: { state: true },
    open: { state: true },
  };
  static override styles = [
    CommandScreen.styles,
    formStyles,
    css`
      ul.households {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.75em;
      }
      .household h3 {
        margin: 0;
        font-size: 1.1em;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.2em 0.75em;
        margin: 0.25em 0 0.5em;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        grid-column: 2;
      }
      .panel {
        display: grid;
        gap: 0.75em;
        margin-top: 0.75em;
      }
    `,
  ];

  declare query: string;
  /** The household whose actions are open, if any. */
  declare open: string | undefined;

  constructor() {
    super();
    this.query = '';
    this.open = undefined;
  }

  protected override readonly confirmWords: ConfirmWords = t;

  protected override render(): TemplateResult {
    const l = this.locale;
    const gov = this.replica.governance;
    const heading = html`<h1 tabindex="-1">${t(l, 'title')}</h1>`;
    if (!gov) return html`${heading}${this.loadState(t(l, 'loading'))}`;
    const groups = gov.read(householdGroups);
    if (groups.length === 0) return html`${heading}<p>${t(l, 'noBuildings')}</p>`;
    const shown = groups.map((g) => ({
      ...g,
      households: g.households.filter((h) => matches(h, this.query)),
    }));
    const count = shown.reduce((n, g) => n + g.households.length, 0);
    return html`${heading}${this.renderDone()}
      ${this.renderAdd(groups, l)}
      <div class="field search">
        <label for="search">${t(l, 'search')}</label>
        <input id="search" type="search" autocomplete="off" .value=${this.query}
          @input=${(e: Event) => {
            this.query = (e.target as HTMLInputElement).value;
          }} />
      </div>
      <p role="status" class="hint">${this.query.trim() ? t(l, 'found', { count: String(count) }) : ''}</p>
      ${count === 0 ? html`<p>${t(l, 'nothingFound')}</p>` : nothing}
      ${shown
        .filter((g) => g.households.length > 0)
        .map(
          (g) => html`<section aria-labelledby="s-${g.id}">
            <h2 id="s-${g.id}">${g.label}</h2>
            <ul class="households">${g.households.map((h) => this.renderHousehold(h, l))}</ul>
          </section>`,
        )}`;
  }

  private renderHousehold(row: HouseholdRow, l: Locale): TemplateResult {
    const open = this.open === row.unitId;
    const here = row.residents.filter((r) => r.movedOut === undefined);
    const gone = row.residents.filter((r) => r.movedOut !== undefined);
    const and = t(l, 'and');
    const residentText = (r: Resident) => {
      const name = r.name ?? t(l, 'unnamed');
      return r.birthYear ? t(l, 'withBirth', { name, year: String(r.birthYear) }) : name;
    };
    return html`<li class="card household" id="h-${row.unitId}">
      <h3>${t(l, 'room', { room: row.room })}</h3>
      <dl>
        <dt>${t(l, 'owners')}</dt>
        <dd>${row.owners.map((o) => o.name).join(and) || t(l, 'none')}</dd>
        <dt>${t(l, 'residents')}</dt>
        <dd>${here.map(residentText).join(and) || t(l, 'none')}</dd>
        ${gone.length ? html`<dd class="hint">${gone.map((r) => t(l, 'gone', { name: r.name ?? t(l, 'unnamed'), date: r.movedOut ?? '' })).join(and)}</dd>` : nothing}
      </dl>
      <div class="row">
        <button type="button" id="manage-${row.unitId}" aria-expanded=${open ? 'true' : 'false'}
          aria-controls="panel-${row.unitId}"
          @click=${() => {
            this.open = open ? undefined : row.unitId;
          }}>${t(l, 'manage', { room: row.room })}</button>
        <a class="action" href="/c/${encodeURIComponent(this.community)}/organizer/households/${encodeURIComponent(row.unitId)}">${t(l, 'record', { room: row.room })}</a>
      </div>
      ${open ? this.renderPanel(row, here, l) : nothing}
    </li>`;
  }

  private renderPanel(row: HouseholdRow, here: readonly Resident[], l: Locale): TemplateResult {
    return html`<div class="panel" id="panel-${row.unitId}">
      ${row.owners.map((o) => this.renderOwnerEdit(row, o, l))}
      ${here.map((r) => html`${this.renderResidentEdit(row, r, l)}${this.renderMoveOut(row, r, l)}`)}
      ${this.renderMoveIn(row, l)}
      ${this.renderTransfer(row, l)}
    </div>`;
  }

  /** One action's form in a disclosure, its confirmation in its place, its refusal below. */
  private action(
    key: string,
    summary: string,
    form: (key: string) => TemplateResult,
    l: Locale,
  ): TemplateResult {
    const confirm = this.renderConfirm(key, l);
    return html`${
      confirm ??
      html`<details ?open=${this.error?.key === key}>
        <summary id="open-${slug(key)}">${summary}</summary>${form(key)}</details>`
    }
      ${this.renderError(key, l)}`;
  }

  private submit(key: string, build: (form: HTMLFormElement) => Omit<PendingCommand, 'key'>) {
    return (e: Event) => {
      e.preventDefault();
      this.ask(key, build(e.target as HTMLFormElement));
    };
  }

  private renderOwnerEdit(row: HouseholdRow, owner: Owner, l: Locale): TemplateResult {
    const id = `${row.unitId}-${owner.id}`;
    return this.action(
      `${row.unitId}/owner/${owner.id}`,
      t(l, 'about', { action: t(l, 'editOwner'), name: owner.name }),
      (key) => html`<form aria-label="${t(l, 'editOwner')} ${owner.name}" @submit=${this.submit(
        key,
        (form) => {
          const name = value(form, 'name');
          return {
            command: { type: 'owner.update', ownerId: owner.id, name, ...contactOf(value(form, 'phone')) },
            text: t(l, 'confirmEditOwner', { name }),
          };
        },
      )}>
        ${field(`oname-${id}`, 'name', t(l, 'name'), { value: owner.name })}
        ${field(`ophone-${id}`, 'phone', t(l, 'phone'), { inputmode: 'tel', value: owner.contact?.phone ?? '' })}
        <div class="row"><button type="submit" id="do-${slug(key)}">${t(l, 'save')}</button></div>
      </form>`,
      l,
    );
  }

  private renderResidentEdit(row: HouseholdRow, resident: Resident, l: Locale): TemplateResult {
    const id = `${row.unitId}-${resident.id}`;
    const label = resident.name ?? t(l, 'unnamed');
    return this.action(
      `${row.unitId}/resident/${resident.id}`,
      t(l, 'about', { action: t(l, 'editResident'), name: label }),
      (key) => html`<form aria-label="${t(l, 'editResident')} ${label}" @submit=${this.submit(key, (form) => {
        const name = value(form, 'name');
        const year = value(form, 'birthYear');
        return {
          command: {
            type: 'resident.update',
            residentId: resident.id,
            ...(name ? { name } : {}),
            ...(year ? { birthYear: wholeOrText(year) } : {}),
            ...contactOf(value(form, 'phone')),
          },
          text: t(l, 'confirmEditResident', { name: name || label }),
        };
      })}>
        ${field(`rname-${id}`, 'name', t(l, 'name'), { value: resident.name ?? '' })}
        ${field(`ryear-${id}`, 'birthYear', t(l, 'birthYear'), { inputmode: 'numeric', value: resident.birthYear ? String(resident.birthYear) : '' })}
        ${field(`rphone-${id}`, 'phone', t(l, 'phone'), { inputmode: 'tel', value: resident.contact?.phone ?? '' })}
        <div class="row"><button type="submit" id="do-${slug(key)}">${t(l, 'save')}</button></div>
      </form>`,
      l,
    );
  }

  private renderMoveOut(row: HouseholdRow, resident: Resident, l: Locale): TemplateResult {
    const label = resident.name ?? t(l, 'unnamed');
    return this.action(
      `${row.unitId}/out/${resident.id}`,
      t(l, 'about', { action: t(l, 'moveOut'), name: label }),
      (key) => html`<form aria-label="${t(l, 'moveOut')} ${label}" @submit=${this.submit(key, (form) => {
        const date = value(form, 'date');
        return {
          command: { type: 'resident.moveOut', residentId: resident.id, ...(date ? { date } : {}) },
          text: t(l, 'confirmMoveOut', { name: label, date, room: row.room }),
        };
      })}>
        ${field(`out-${row.unitId}-${resident.id}`, 'date', t(l, 'moveOutDate'), { type: 'date', required: true })}
        <div class="row"><button type="submit" id="do-${slug(key)}">${t(l, 'moveOut')}</button></div>
      </form>`,
      l,
    );
  }

  private renderMoveIn(row: HouseholdRow, l: Locale): TemplateResult {
    const id = row.unitId;
    return this.action(
      `${id}/in`,
      t(l, 'moveIn'),
      (key) => html`<form aria-label=${t(l, 'moveIn')} @submit=${this.submit(key, (form) => {
        const name = value(form, 'name');
        const year = value(form, 'birthYear');
        const date = value(form, 'date');
        return {
          command: {
            type: 'resident.moveIn',
            unitId: id,
            ...(name ? { name } : {}),
            ...(year ? { birthYear: wholeOrText(year) } : {}),
            ...contactOf(value(form, 'phone')),
            ...(date ? { date } : {}),
          },
          text: t(l, 'confirmMoveIn', { name: name || t(l, 'unnamed'), date, room: row.room }),
        };
      })}>
        ${field(`iname-${id}`, 'name', t(l, 'name'))}
        ${field(`iyear-${id}`, 'birthYear', t(l, 'birthYear'), { inputmode: 'numeric' })}
        ${field(`iphone-${id}`, 'phone', t(l, 'phone'), { inputmode: 'tel' })}
        ${field(`idate-${id}`, 'date', t(l, 'movedIn'), { type: 'date', required: true })}
        <div class="row"><button type="submit" id="do-${slug(key)}">${t(l, 'moveIn')}</button></div>
      </form>`,
      l,
    );
  }

  private renderTransfer(row: HouseholdRow, l: Locale): TemplateResult {
    const id = row.unitId;
    return this.action(
      `${id}/transfer`,
      t(l, 'transfer'),
      (key) => html`<form aria-label=${t(l, 'transfer')} @submit=${this.submit(key, (form) => {
        const names = namesOf(value(form, 'owners'));
        const phone = value(form, 'phone');
        const date = value(form, 'date');
        return {
          command: {
            type: 'household.transfer',
            unitId: id,
            owners: names.map((name, i) => ({ name, ...(i === 0 ? contactOf(phone) : {}) })),
            ...(date ? { date } : {}),
          },
          text: t(l, 'confirmTransfer', { room: row.room, owners: names.join(t(l, 'and')), date }),
        };
      })}>
        ${lines(`towners-${id}`, 'owners', t(l, 'newOwners'))}
        ${field(`tphone-${id}`, 'phone', t(l, 'ownerPhone'), { inputmode: 'tel' })}
        ${field(`tdate-${id}`, 'date', t(l, 'transferDate'), { type: 'date', required: true })}
        <div class="row"><button type="submit" id="do-${slug(key)}">${t(l, 'transfer')}</button></div>
      </form>`,
      l,
    );
  }

  private renderAdd(groups: readonly { id: string; label: string }[], l: Locale): TemplateResult {
    const key = 'add';
    const confirm = this.renderConfirm(key, l);
    const submit = this.submit(key, (form) => {
      const owners = namesOf(value(form, 'owners'));
      const residents = residentsOf(value(form, 'residents'));
      const ownedFrom = value(form, 'ownedFrom');
      const movedIn = value(form, 'movedIn');
      const room = value(form, 'room');
      return {
        command: {
          type: 'household.add',
          stairwellId: value(form, 'stairwell'),
          room,
          floor: wholeOrText(value(form, 'floor')),
          area: hundredthsOrText(value(form, 'area')),
          owners: owners.map((name, i) => ({ name, ...(i === 0 ? contactOf(value(form, 'phone')) : {}) })),
          residents,
          ...(ownedFrom ? { ownedFrom } : {}),
          ...(movedIn ? { movedIn } : {}),
        },
        text: t(l, 'confirmAdd', { room, owners: owners.join(t(l, 'and')), count: String(residents.length) }),
      };
    });
    return html`${
      confirm ??
      html`<details id="add-household" class="card" ?open=${this.error?.key === key}>
        <summary id="open-add">${t(l, 'addHousehold')}</summary>
        <form aria-label=${t(l, 'addHousehold')} @submit=${submit}>
          <div class="field">
            <label for="add-stairwell">${t(l, 'stairwell')}</label>
            <select id="add-stairwell" name="stairwell">${groups.map((g) => html`<option value=${g.id}>${g.label}</option>`)}</select>
          </div>
          ${field('add-room', 'room', t(l, 'roomNumber'), { required: true })}
          ${field('add-floor', 'floor', t(l, 'floor'), { inputmode: 'numeric', required: true })}
          ${field('add-area', 'area', t(l, 'area'), { inputmode: 'decimal', required: true })}
          ${lines('add-owners', 'owners', t(l, 'ownerNames'))}
          ${field('add-phone', 'phone', t(l, 'ownerPhone'), { inputmode: 'tel' })}
          ${field('add-owned-from', 'ownedFrom', t(l, 'ownedFrom'), { type: 'date' })}
          ${lines('add-residents', 'residents', t(l, 'residentLines'))}
          ${field('add-moved-in', 'movedIn', t(l, 'movedIn'), { type: 'date' })}
          <div class="row"><button type="submit" class="primary" id="add-submit">${t(l, 'addHousehold')}</button></div>
        </form>
      </details>`
    }
      ${this.renderError(key, l)}`;
  }
}

if (!customElements.get('linli-households-screen'))
  customElements.define('linli-households-screen', HouseholdsScreen);
