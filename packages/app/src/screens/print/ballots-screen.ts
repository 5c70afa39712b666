import type { Governance, Motion } from '@linli/core';
import '@linli/widgets/define/linli-ballot-form.js';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ReplicaScreen } from '../replica-screen.js';
import { ScreenElement } from '../screen-element.js';
import { t } from './print.strings.js';
import { motionPaths } from './print-paths.js';

/**
 * Paper ballots at `/c/:community/organizer/motions/:motion/ballots`: one `<linli-ballot-form>` per
 * voter on the motion's frozen roll, each its own A4 page, optionally only for the rooms typed in.
 */
export class BallotsScreen extends ReplicaScreen {
  static override properties: PropertyDeclarations = { ...ScreenElement.properties, rooms: { state: true } };
  declare rooms: string;

  constructor() {
    super();
    this.rooms = '';
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const paths = motionPaths(this.context.params);
    const gov = this.replica.governance;
    const m = gov?.motions.value.find((x) => x.id === paths.motionId);
    const head = html`<h1 id="title" tabindex="-1" class="no-print">${t(l, 'ballotsTitle')}</h1>
      <p class="no-print"><a href=${paths.motion}>${t(l, 'back')}</a></p>`;
    if (!gov || !m) {
      return html`${head}${this.loadState(t(l, 'loading'))}`;
    }
    if (m.status === 'draft') return html`${head}<p class="alert" role="alert">${t(l, 'notOpen')}</p>`;
    const voters = this.votersShown(gov, m);
    return html`${head}
      <p class="no-print hint">${t(l, 'ballotsHint')}</p>
      <div class="field no-print">
        <label for="rooms">${t(l, 'roomFilter')}</label>
        <input id="rooms" type="text" inputmode="numeric" autocomplete="off" .value=${this.rooms}
          @input=${(e: Event) => {
            this.rooms = (e.target as HTMLInputElement).value;
          }} />
      </div>
      <p class="no-print" role="status">${t(l, 'count', { n: String(voters.length) })}</p>
      <p class="no-print"><button type="button" @click=${() => window.print()}>${t(l, 'print')}</button></p>
      ${voters.map(
        (v) => html`<linli-ballot-form lang=${l} .governance=${gov} motion=${m.id} voter=${v.id}
          community-name=${gov.community.value.community?.name ?? nothing}></linli-ballot-form>`,
      )}`;
  }

  /** The roll's voters in room order, only those with a room typed in the filter when there is one. */
  private votersShown(gov: Governance, m: Motion) {
    const wanted = new Set(this.rooms.split(/[\s,，、]+/).filter(Boolean));
    const room = (unitId: string) => gov.unit(unitId)?.room ?? unitId;
    const firstRoom = (v: Motion['electorate'][number]) => room(v.unitIds[0] ?? v.id);
    return m.electorate
      .filter((v) => wanted.size === 0 || v.unitIds.some((u) => wanted.has(room(u))))
      .sort((a, b) => firstRoom(a).localeCompare(firstRoom(b), 'zh-CN', { numeric: true }));
  }
}
