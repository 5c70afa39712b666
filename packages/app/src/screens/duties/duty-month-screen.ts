import type { LocalDate, Locale, RosterSlot } from '@linli/core';
import { css, html, type TemplateResult } from 'lit';
import { a4Page } from '../print/a4-page.js';
import { ReplicaScreen } from '../replica-screen.js';
import { ScreenElement } from '../screen-element.js';
import { t } from './duties.strings.js';
import { dutyPaths, whenOf } from './duty-templates.js';
import { dayLabel, isMonth, lastDayOf, monthLabel, type RoomOf, servedBy, slotNotes } from './rota-months.js';

/**
 * The printable monthly rota at `/c/:community/organizer/duties/:duty/months/:month` (`YYYY-MM`), for
 * the notice board: one A4 sheet, black on white whatever the page's theme — the community, the duty
 * and when it recurs, each date with its household by room and what changed it (holiday moved, swap,
 * cover), and how to ask for a swap. The shell's header and the buttons stay off the paper.
 */
export class DutyMonthScreen extends ReplicaScreen {
  static override styles = [
    ScreenElement.styles,
    css`
      .sheet {
        background: #fff;
        color: #000;
        padding: 1em;
        border: 1px solid #000;
      }
      .sheet h2 {
        margin-top: 0;
        font-size: 1.5em;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        margin: 0.5em 0 1em;
      }
      th,
      td {
        border: 1px solid #000;
        padding: 0.35em 0.5em;
        text-align: start;
        vertical-align: top;
      }
      @media print {
        :host {
          font-size: 12pt;
        }
        .sheet {
          border: none;
          padding: 0;
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    a4Page();
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const paths = dutyPaths(this.context.params);
    const month = this.context.params.month ?? '';
    const gov = this.replica.governance;
    const head = html`<h1 tabindex="-1" class="no-print">${t(l, 'printMonth', { label: isMonth(month) ? monthLabel(month, l) : month })}</h1>
      <p class="no-print"><a href=${paths.duty}>${t(l, 'backToDuty')}</a></p>`;
    if (!gov) return html`${head}${this.loadState(t(l, 'loading'))}`;
    const duty = gov.duty(paths.dutyId);
    if (!duty || !isMonth(month)) return html`${head}<p class="alert" role="alert">${t(l, 'notFound')}</p>`;
    const slots = gov.roster(duty.id, lastDayOf(month)).filter((s) => s.date.startsWith(month));
    const room: RoomOf = (unitId) => gov.unit(unitId)?.room ?? unitId;
    const community = gov.community.value.community?.name ?? '';
    return html`${head}
      <p class="no-print hint">${t(l, 'printHint')}</p>
      <p class="no-print"><button type="button" @click=${() => window.print()}>${t(l, 'print')}</button></p>
      <article class="sheet" aria-labelledby="sheet-h">
        <h2 id="sheet-h">${community} ${t(l, 'printTitle', { name: duty.name })} · ${monthLabel(month, l)}</h2>
        <p>${whenOf({ ...duty, rule: duty.recurrence.rule }, l)}</p>
        ${slots.length === 0 ? html`<p>${t(l, 'noSlots')}</p>` : this.renderTable(slots, room, l)}
        <p>${t(l, 'printFooter')}</p>
      </article>`;
  }

  private renderTable(slots: readonly RosterSlot[], room: RoomOf, l: Locale): TemplateResult {
    return html`<table>
      <thead><tr><th scope="col">${t(l, 'date')}</th><th scope="col">${t(l, 'onDuty')}</th><th scope="col">${t(l, 'note')}</th></tr></thead>
      <tbody>${slots.map(
        (s) => html`<tr><td>${dayLabel(s.date as LocalDate, l)}</td><td>${servedBy(s, room, l)}</td>
          <td>${slotNotes(s, room, l).join('；')}</td></tr>`,
      )}</tbody></table>`;
  }
}

if (!customElements.get('linli-duty-month-screen'))
  customElements.define('linli-duty-month-screen', DutyMonthScreen);
