import {
  type Governance,
  type LinliError,
  type Locale,
  localDateOf,
  type Motion,
  type RoleDefinition,
  rolesOn,
  type Term,
} from '@linli/core';
import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { ApiClient } from '../../api/api-client.js';
import { screenStyles } from '../../shell/screen-styles.js';
import { motionStyles } from './motion.styles.js';
import { t } from './seats.strings.js';

/**
 * An election's result on its motion page: the role it fills (`electsRole`), the winners the close
 * recorded, a "Seat the winners" action (`role.appointFromMotion`) behind a confirmation, and who
 * holds the role now and until when. A tie, a full role or a term limit is the core's typed refusal,
 * shown here.
 */
export class MotionSeats extends LitElement {
  static override properties: PropertyDeclarations = {
    governance: { attribute: false },
    motion: { attribute: false },
    head: { attribute: false },
    api: { attribute: false },
    community: { attribute: false },
    locale: { attribute: false },
    confirming: { state: true },
    error: { state: true },
    done: { state: true },
    busy: { state: true },
  };
  static override styles = [screenStyles, motionStyles];

  declare governance: Governance;
  declare motion: Motion;
  /** The replica's log head: a new one at each event, so the holders are read again (seating changes no motion field). */
  declare head: unknown;
  declare api: ApiClient;
  declare community: string;
  declare locale: Locale;
  declare confirming: boolean;
  declare error: LinliError | undefined;
  declare done: string;
  declare busy: boolean;

  constructor() {
    super();
    this.confirming = false;
    this.error = undefined;
    this.done = '';
    this.busy = false;
  }

  private winnerNames(): string[] {
    const labels = new Map(this.motion.options.map((o) => [o.id, o.label]));
    return (this.motion.result?.winners ?? []).map((w) => labels.get(w) ?? w);
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const m = this.motion;
    const roleId = m.electsRole ?? '';
    const role = this.governance.read((s) => s.roles.roles.get(roleId));
    return html`<section aria-labelledby="seats-h">
      <h2 id="seats-h" tabindex="-1">${t(l, 'heading')}</h2>
      ${role ? this.renderRole(role, l) : html`<p>${t(l, 'unknownRole', { id: roleId })}</p>`}
      ${m.status !== 'closed' ? html`<p>${t(l, 'notClosed')}</p>` : this.renderResult(role, l)}
      <p role="status" class="done">${this.done}</p>
      ${this.error && !this.confirming ? html`<p class="alert" role="alert">${this.error.message[l]}</p>` : nothing}
      ${role ? this.renderHolders(role, l) : nothing}
    </section>`;
  }

  private renderRole(role: RoleDefinition, l: Locale): TemplateResult {
    const building = this.governance.read((s) => s.community.buildings.get(role.buildingId)?.name ?? '');
    return html`<p id="seats-role">
      ${t(l, 'electsRole', {
        role: role.name[l],
        building,
        seats: String(role.seats),
        months: String(role.termMonths),
      })}
    </p>`;
  }

  private seatedHere(role: RoleDefinition): Term[] {
    const id = this.motion.id;
    return this.governance.read((s) =>
      [...s.roles.terms.values()].filter(
        (term) => term.roleId === role.id && term.source.kind === 'motion' && term.source.motionId === id,
      ),
    );
  }

  private renderResult(role: RoleDefinition | undefined, l: Locale): TemplateResult {
    const outcome = this.motion.result?.outcome;
    if (outcome === 'tied') return html`<p class="alert" id="seats-tied">${t(l, 'tied')}</p>`;
    if (outcome !== 'passed') return html`<p>${t(l, 'failed')}</p>`;
    const names = this.winnerNames();
    const seated = role ? this.seatedHere(role).length > 0 : true;
    return html`<h3>${t(l, 'winners')}</h3>
      <ol id="winners">
        ${names.map((n) => html`<li>${n}</li>`)}
      </ol>
      ${
        seated || !role
          ? nothing
          : this.confirming
            ? this.renderConfirm(role, names, l)
            : html`<div class="row">
              <button type="button" class="primary" id="seat" @click=${() => this.ask()}>${t(l, 'seat')}</button>
            </div>`
      }`;
  }

  private renderConfirm(role: RoleDefinition, names: readonly string[], l: Locale): TemplateResult {
    const text = t(l, 'confirmSeat', {
      names: names.slice(0, role.seats).join(t(l, 'list')),
      role: role.name[l],
      months: String(role.termMonths),
    });
    return html`<form class="card confirm" aria-labelledby="seat-confirm-h" @submit=${this.seat}>
      <h3 id="seat-confirm-h" tabindex="-1">${t(l, 'seat')}</h3>
      <p>${text}</p>
      ${this.error ? html`<p class="alert" role="alert">${this.error.message[l]}</p>` : nothing}
      <div class="row">
        <button type="submit" class="primary" id="seat-confirm" ?disabled=${this.busy}>${t(l, 'yesSeat')}</button>
        <button type="button" id="seat-keep" @click=${() => this.back()}>${t(l, 'keep')}</button>
      </div>
    </form>`;
  }

  private renderHolders(role: RoleDefinition, l: Locale): TemplateResult {
    const today = localDateOf(new Date());
    const status = this.governance.read((s) => rolesOn(s.roles, role.buildingId, today));
    const holders = status.find((r) => r.role.id === role.id)?.holders ?? [];
    const until = (date: string) =>
      new Intl.DateTimeFormat(l, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(`${date}T00:00:00Z`),
      );
    return html`<h3 id="holders-h">${t(l, 'holders', { role: role.name[l] })}</h3>
      ${
        holders.length === 0
          ? html`<p>${t(l, 'noHolders')}</p>`
          : html`<ul class="plain" id="holders" aria-labelledby="holders-h">
            ${holders.map(
              (h) => html`<li>
                ${t(l, 'holder', { name: h.holder, until: until(h.until) })}
                ${h.source.kind === 'motion' && h.source.motionId === this.motion.id ? t(l, 'fromThis') : nothing}
              </li>`,
            )}
          </ul>`
      }`;
  }

  private ask(): void {
    this.confirming = true;
    this.error = undefined;
    this.done = '';
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('#seat-confirm-h')?.focus(),
    );
  }

  private back(): void {
    this.confirming = false;
    this.error = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#seat')?.focus());
  }

  private async seat(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const roleId = this.motion.electsRole;
    if (roleId === undefined) return;
    this.busy = true;
    const command = { type: 'role.appointFromMotion', roleId, motionId: this.motion.id };
    const path = `/c/${encodeURIComponent(this.community)}/commands`;
    const answer = await this.api.send('POST', path, { command });
    this.busy = false;
    if (!answer.ok) {
      this.error = answer.error;
      return;
    }
    this.confirming = false;
    this.error = undefined;
    this.done = t(this.locale, 'seated');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#seats-h')?.focus();
  }
}

if (!customElements.get('linli-motion-seats')) customElements.define('linli-motion-seats', MotionSeats);
