import type { BuildingRoles, LocalDate, Locale, PublishedRole, ReadModels, RoleContact } from '@linli/core';
import { type CSSResultGroup, css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { baseStyles } from '../../internal/base-styles.js';
import { LinliElement } from '../../internal/linli-element.js';
import { t } from './roles.strings.js';

/** A date as the reader's locale writes it (`2026年1月15日`, `Jan 15, 2026`). */
function formatDate(date: LocalDate, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/**
 * @tagname linli-roles
 * @summary Who the building head (楼组长) and the five specialists are, per building, with their
 * terms, and which seats are vacant. With `endpoint` and a signed-in `token` it also shows the
 * contacts holders consented to share; a published view never has them.
 *
 * @csspart building - One building's section.
 * @csspart role - One role; `vacant` marks a role with an empty seat.
 * @csspart holder - A holder's name and term.
 * @csspart contact - A holder's shared contact.
 */
export class LinliRoles extends LinliElement {
  static override styles: CSSResultGroup = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 48rem;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0 0 1em;
      }
      [part~='role'] {
        display: flex;
        flex-wrap: wrap;
        gap: 0.2em 1em;
        padding: 0.5em 0.4em;
        border-bottom: 1px solid var(--linli-color-border, #d0d7de);
      }
      [part~='role'] > strong {
        min-width: 8em;
      }
      [part~='vacant'] .seat {
        font-style: italic;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...LinliElement.properties,
    building: { type: String },
    contacts: { attribute: false },
  };

  /** One building's id; every building with roles when empty. */
  declare building: string;
  /**
   * Shared contacts by term id. Loaded from `endpoint`'s `/roles/contacts` when a `token` is set (or
   * the page holds a household session for `endpoint`, see `<linli-sign-in>`);
   * a page may also set it itself.
   */
  declare contacts: readonly RoleContact[];
  private loadedFor = '';

  constructor() {
    super();
    this.building = '';
    this.contacts = [];
  }

  protected override willUpdate(): void {
    const token = this.sessionToken;
    const key = this.endpoint && token ? `${this.endpoint}\n${token}` : '';
    if (key === this.loadedFor) return;
    this.loadedFor = key;
    if (key) void this.loadContacts(key);
  }

  /** Asks the server for the shared contacts; a refusal (signed out, another community) shows none. */
  private async loadContacts(key: string): Promise<void> {
    try {
      const response = await fetch(`${this.endpoint.replace(/\/+$/, '')}/roles/contacts`, {
        headers: { authorization: `Bearer ${key.slice(key.indexOf('\n') + 1)}` },
      });
      const body = response.ok ? ((await response.json()) as { contacts?: RoleContact[] }) : {};
      if (key === this.loadedFor) this.contacts = body.contacts ?? [];
    } catch {
      if (key === this.loadedFor) this.contacts = [];
    }
  }

  protected renderWith(gov: ReadModels, locale: Locale): TemplateResult {
    const buildings = gov.roles().filter((b) => !this.building || b.buildingId === this.building);
    if (buildings.length === 0) return html`<p role="status">${t(locale, 'noRoles')}</p>`;
    return html`${buildings.map((b) => this.renderBuilding(b, locale))}`;
  }

  private renderBuilding(building: BuildingRoles, locale: Locale): TemplateResult {
    const title = t(locale, 'title', { building: building.building });
    return html`<section part="building" aria-label=${title}>
      <h2>${title}</h2>
      <ul>
        ${building.roles.map((role) => this.renderRole(role, locale))}
      </ul>
    </section>`;
  }

  private renderRole(role: PublishedRole, locale: Locale): TemplateResult {
    const contactOf = (termId: string) => this.contacts.find((c) => c.termId === termId)?.contact;
    return html`<li part=${role.vacancies > 0 ? 'role vacant' : 'role'}>
      <strong>${role.name[locale]}</strong>
      ${role.holders.map((h) => {
        const contact = contactOf(h.termId);
        return html`<span part="holder">
          ${h.name}
          <span>${t(locale, 'term', { from: formatDate(h.from, locale), until: formatDate(h.until, locale) })}</span>
          ${contact === undefined ? nothing : html`<span part="contact">${t(locale, 'contact', { contact })}</span>`}
        </span>`;
      })}
      ${
        role.vacancies === 0
          ? nothing
          : html`<span class="seat">${role.seats === 1 ? t(locale, 'vacant') : t(locale, 'vacantSeats', { count: role.vacancies })}</span>`
      }
    </li>`;
  }
}
