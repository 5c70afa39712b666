import type { Building, Locale, PublishedRole, Resident } from '@linli/core';
import { css, html, nothing, type TemplateResult } from 'lit';
import { CommandScreen, fieldValue as value, wholeOrText } from '../command-screen.js';
import { t } from './roles.strings.js';

/** A resident of the building, as the appointment form offers them. */
interface Candidate {
  readonly id: string;
  readonly label: string;
}

/**
 * `/c/:community/organizer/roles`: each building's roles (一长五大 and custom ones) from the community's
 * live replica — holders, terms and when they end, vacant seats. The organizer defines the six
 * standard roles or another one, appoints a resident picked by room, ends a term or hands a seat over.
 * Every action waits for a confirmation; a refusal shows the core's typed error in that building's
 * section, and nothing changes.
 */
export class RolesScreen extends CommandScreen {
  static override styles = [
    CommandScreen.styles,
    css`
      ul.roles {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 1em;
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
      h3 {
        margin: 0;
      }
      summary {
        padding-block: 0.6em;
        cursor: pointer;
      }
    `,
  ];

  protected override render(): TemplateResult {
    const l = this.locale;
    const gov = this.replica.governance;
    const heading = html`<h1 tabindex="-1">${t(l, 'title')}</h1>`;
    if (!gov) return html`${heading}${this.loadState(t(l, 'loading'))}`;
    const roster = gov.roles();
    const { buildings, candidates } = gov.read((s) => {
      const candidates = (buildingId: string): Candidate[] =>
        [...s.community.residents.values()]
          .filter((r: Resident) => r.movedOut === undefined)
          .flatMap((r) => {
            const unit = s.community.units.get(r.unitId);
            const building = unit && s.community.stairwells.get(unit.stairwellId)?.buildingId;
            return unit && building === buildingId
              ? [{ id: r.id, label: `${unit.room} ${r.name ?? ''}`.trim() }]
              : [];
          })
          .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN', { numeric: true }));
      return { buildings: [...s.community.buildings.values()], candidates };
    });
    return html`${heading}
      <p class="done" role="status">${this.done ?? ''}</p>
      ${
        buildings.length === 0
          ? html`<p>${t(l, 'noBuildings')}</p>`
          : buildings.map((b) =>
              this.renderBuilding(
                b,
                roster.find((r) => r.buildingId === b.id)?.roles ?? [],
                candidates(b.id),
                l,
              ),
            )
      }`;
  }

  private renderBuilding(
    building: Building,
    roles: readonly PublishedRole[],
    candidates: readonly Candidate[],
    l: Locale,
  ): TemplateResult {
    const id = `b-${building.id}`;
    return html`<section class="card" id=${id} aria-labelledby="${id}-h">
      <h2 id="${id}-h">${building.name}</h2>
      ${
        roles.length === 0
          ? html`<p>${t(l, 'noRoles')}</p>${this.renderStandardForm(building, l)}`
          : html`<ul class="roles">${roles.map((r) => this.renderRole(building, r, candidates, l))}</ul>`
      }
      ${this.renderCustomForm(building, l)}
    </section>`;
  }

  private renderRole(
    building: Building,
    role: PublishedRole,
    candidates: readonly Candidate[],
    l: Locale,
  ): TemplateResult {
    const name = role.name[l];
    return html`<li>
      <h3>${name}</h3>
      ${role.holders.map(
        (h) => html`<p>${t(l, 'holder', { name: h.name, from: h.from, until: h.until })}</p>
          ${
            this.renderConfirm(`${building.id}/end/${h.termId}`, l) ??
            html`<div class="actions">
            <button type="button" id="end-${h.termId}" @click=${() =>
              this.ask(`${building.id}/end/${h.termId}`, {
                command: { type: 'role.resign', termId: h.termId, reason: t(l, 'endReason') },
                text: t(l, 'confirmEnd', { name: h.name, role: name }),
              })}>${t(l, 'endTerm')}</button>
          </div>`
          }
          ${this.renderError(`${building.id}/end/${h.termId}`, l)}
          ${this.renderHandover(building, role, h, candidates, l)}`,
      )}
      ${role.vacancies > 0 ? html`<p><strong>${t(l, 'vacant', { count: String(role.vacancies) })}</strong></p>${this.renderAppoint(building, role, candidates, l)}` : nothing}
    </li>`;
  }

  private residentPicker(
    id: string,
    candidates: readonly Candidate[],
    l: Locale,
    label: string,
  ): TemplateResult {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} name="holder" required>
        <option value="">${t(l, 'pickResident')}</option>
        ${candidates.map((c) => html`<option value=${c.id}>${c.label}</option>`)}
      </select>
    </div>`;
  }

  private textField(
    id: string,
    name: string,
    label: string,
    extra: { inputmode?: string; value?: string } = {},
  ) {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} name=${name} type="text" autocomplete="off" inputmode=${extra.inputmode ?? 'text'} .value=${extra.value ?? ''} />
    </div>`;
  }

  private renderAppoint(
    building: Building,
    role: PublishedRole,
    candidates: readonly Candidate[],
    l: Locale,
  ): TemplateResult {
    const key = `${building.id}/appoint/${role.id}`;
    const confirm = this.renderConfirm(key, l);
    if (confirm) return confirm;
    const submit = (e: Event) => {
      e.preventDefault();
      const form = e.target as HTMLFormElement;
      const holder = value(form, 'holder');
      const contact = value(form, 'contact');
      const label = candidates.find((c) => c.id === holder)?.label ?? holder;
      this.ask(key, {
        command: {
          type: 'role.appoint',
          roleId: role.id,
          holder,
          reason: value(form, 'reason'),
          ...(contact ? { contact } : {}),
        },
        text: t(l, 'confirmAppoint', { name: label, role: role.name[l] }),
      });
    };
    return html`<details ?open=${this.error?.key === key}>
        <summary id="open-appoint-${role.id}">${t(l, 'appoint')}…</summary>
        <form @submit=${submit} aria-label="${t(l, 'appoint')} ${role.name[l]}">
          ${this.residentPicker(`holder-${role.id}`, candidates, l, t(l, 'resident'))}
          ${this.textField(`reason-${role.id}`, 'reason', t(l, 'reason'))}
          ${this.textField(`contact-${role.id}`, 'contact', t(l, 'contact'))}
          <div class="actions"><button type="submit" id="appoint-${role.id}">${t(l, 'appoint')}</button></div>
        </form>
      </details>
      ${this.renderError(key, l)}`;
  }

  private renderHandover(
    building: Building,
    role: PublishedRole,
    holder: PublishedRole['holders'][number],
    candidates: readonly Candidate[],
    l: Locale,
  ): TemplateResult {
    const key = `${building.id}/handover/${holder.termId}`;
    const confirm = this.renderConfirm(key, l);
    if (confirm) return confirm;
    const submit = (e: Event) => {
      e.preventDefault();
      const form = e.target as HTMLFormElement;
      const to = value(form, 'holder');
      const contact = value(form, 'contact');
      this.ask(key, {
        command: {
          type: 'role.handover',
          termId: holder.termId,
          holder: to,
          reason: value(form, 'reason'),
          ...(contact ? { contact } : {}),
        },
        text: t(l, 'confirmHandover', {
          role: role.name[l],
          from: holder.name,
          to: candidates.find((c) => c.id === to)?.label ?? to,
        }),
      });
    };
    return html`<details ?open=${this.error?.key === key}>
      <summary id="open-handover-${holder.termId}">${t(l, 'handOver')}…</summary>
      <form @submit=${submit} aria-label="${t(l, 'handOver')} ${role.name[l]}">
        ${this.residentPicker(`to-${holder.termId}`, candidates, l, t(l, 'handOverTo'))}
        ${this.textField(`hreason-${holder.termId}`, 'reason', t(l, 'reason'))}
        ${this.textField(`hcontact-${holder.termId}`, 'contact', t(l, 'contact'))}
        <div class="actions"><button type="submit">${t(l, 'handOver')}</button></div>
      </form>
    </details>
    ${this.renderError(key, l)}`;
  }

  private renderStandardForm(building: Building, l: Locale): TemplateResult {
    const key = `${building.id}/standard`;
    const confirm = this.renderConfirm(key, l);
    if (confirm) return confirm;
    const submit = (e: Event) => {
      e.preventDefault();
      const form = e.target as HTMLFormElement;
      const months = value(form, 'termMonths');
      const limit = value(form, 'termLimit');
      this.ask(key, {
        command: {
          type: 'role.defineStandard',
          buildingId: building.id,
          termMonths: wholeOrText(months),
          ...(limit ? { termLimit: wholeOrText(limit) } : {}),
        },
        text: t(l, 'confirmStandard', { building: building.name, months }),
      });
    };
    return html`<form @submit=${submit} aria-label=${t(l, 'defineStandard')}>
      ${this.textField(`months-${building.id}`, 'termMonths', t(l, 'termMonths'), { inputmode: 'numeric', value: '36' })}
      ${this.textField(`limit-${building.id}`, 'termLimit', t(l, 'termLimit'), { inputmode: 'numeric' })}
      <div class="actions"><button type="submit" id="standard-${building.id}">${t(l, 'defineStandard')}</button></div>
    </form>
    ${this.renderError(key, l)}`;
  }

  private renderCustomForm(building: Building, l: Locale): TemplateResult {
    const key = `${building.id}/custom`;
    const confirm = this.renderConfirm(key, l);
    if (confirm) return confirm;
    const submit = (e: Event) => {
      e.preventDefault();
      const form = e.target as HTMLFormElement;
      const zh = value(form, 'zh');
      const seats = value(form, 'seats');
      this.ask(key, {
        command: {
          type: 'role.define',
          buildingId: building.id,
          name: { 'zh-CN': zh, en: value(form, 'en') },
          termMonths: wholeOrText(value(form, 'termMonths')),
          ...(seats ? { seats: wholeOrText(seats) } : {}),
        },
        text: t(l, 'confirmDefine', { building: building.name, role: zh }),
      });
    };
    return html`<details ?open=${this.error?.key === key}>
      <summary id="open-custom-${building.id}">${t(l, 'customRole')}…</summary>
      <form @submit=${submit} aria-label=${t(l, 'customRole')}>
        ${this.textField(`zh-${building.id}`, 'zh', t(l, 'nameZh'))}
        ${this.textField(`en-${building.id}`, 'en', t(l, 'nameEn'))}
        ${this.textField(`cmonths-${building.id}`, 'termMonths', t(l, 'termMonths'), { inputmode: 'numeric', value: '36' })}
        ${this.textField(`seats-${building.id}`, 'seats', t(l, 'seats'), { inputmode: 'numeric', value: '1' })}
        <div class="actions"><button type="submit">${t(l, 'define')}</button></div>
      </form>
    </details>
    ${this.renderError(key, l)}`;
  }
}

if (!customElements.get('linli-roles-screen')) customElements.define('linli-roles-screen', RolesScreen);
