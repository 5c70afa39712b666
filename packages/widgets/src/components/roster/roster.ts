import {
  type LinliError,
  type LocalDate,
  type Locale,
  localDateOf,
  type ReadModels,
  type RosterSlot,
  rosterToICal,
} from '@linli/core';
import { type CSSResultGroup, css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { LinliSwapRequestedDetail } from '../../events.js';
import { baseStyles, controlStyles } from '../../internal/base-styles.js';
import { download } from '../../internal/download.js';
import { LinliElement } from '../../internal/linli-element.js';
import { t } from './roster.strings.js';

const WEEKDAYS: Record<Locale, string[]> = {
  'zh-CN': ['一', '二', '三', '四', '五', '六', '日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

/**
 * @tagname linli-roster
 * @summary A duty roster: upcoming turns as a list or a month calendar, today highlighted, a
 * "my household" filter, swap requests, and the iCal feed.
 *
 * @fires {CustomEvent<LinliSwapRequestedDetail>} linli-swap-requested - A swap was proposed: `detail` is `{ dutyId, swapId }`.
 *
 * @csspart toolbar - View switch, filter and downloads.
 * @csspart list - The list view.
 * @csspart slot - One turn; `today` marks today's, `mine` the household's.
 * @csspart month - The month table.
 * @csspart error - A localized error from the core.
 */
export class LinliRoster extends LinliElement {
  static override styles: CSSResultGroup = [
    baseStyles,
    controlStyles,
    css`
      :host {
        display: block;
        max-width: 48rem;
        container-type: inline-size;
      }
      [part='toolbar'] {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        align-items: center;
        margin-bottom: 0.8em;
      }
      ol {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      [part~='slot'] {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3em 1em;
        align-items: center;
        padding: 0.5em 0.4em;
        border-bottom: 1px solid var(--linli-color-border, #d0d7de);
      }
      [part~='today'] {
        background: var(--linli-color-highlight, #fff8c5);
        font-weight: 600;
      }
      [part~='slot'] time {
        min-width: 9em;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        table-layout: fixed;
        overflow-wrap: break-word;
      }
      th,
      td {
        border: 1px solid var(--linli-color-border, #d0d7de);
        vertical-align: top;
        padding: 0.3em 0.15em;
        height: 3.5em;
      }
      td[data-today] {
        background: var(--linli-color-highlight, #fff8c5);
      }
      /*
       * Seven columns do not fit a phone in large text: there the month becomes the list of its days
       * with a turn, each with its weekday, and nothing scrolls sideways.
       */
      @container (max-width: 30rem) {
        table[part='month'],
        table[part='month'] tbody,
        table[part='month'] tr {
          display: block;
        }
        table[part='month'] caption {
          display: block;
          text-align: start;
          font-weight: 600;
        }
        table[part='month'] thead,
        table[part='month'] td:not(:has(> div + div)) {
          display: none;
        }
        table[part='month'] td {
          display: flex;
          gap: 0.6em;
          height: auto;
          border-width: 0 0 1px;
          padding: 0.5em 0.4em;
        }
        table[part='month'] td::before {
          content: attr(data-weekday);
        }
      }
      @media (prefers-color-scheme: dark) {
        [part~='today'],
        td[data-today] {
          background: var(--linli-color-highlight, #3b2e00);
        }
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...LinliElement.properties,
    duty: { type: String },
    household: { type: String },
    view: { type: String, reflect: true },
    weeks: { type: Number },
    mineOnly: { type: Boolean, attribute: 'mine-only' },
    now: { attribute: false },
    swapFor: { state: true },
    error: { state: true },
    notice: { state: true },
  };

  /** The duty id. */
  declare duty: string;
  /** The unit id of the household using the element (filter and swaps). */
  declare household: string;
  /** `list` (default) or `month`. */
  declare view: 'list' | 'month';
  /** How many weeks ahead the list shows. */
  declare weeks: number;
  /** Show only the household's turns. */
  declare mineOnly: boolean;
  /** Today (defaults to the system clock, in Asia/Shanghai). */
  declare now: Date | undefined;
  declare private swapFor: string | undefined;
  declare private error: LinliError | undefined;
  declare private notice: string | undefined;

  constructor() {
    super();
    this.duty = '';
    this.household = '';
    this.view = 'list';
    this.weeks = 8;
    this.mineOnly = false;
  }

  private get today(): LocalDate {
    return localDateOf(this.now ?? new Date());
  }

  private horizon(): LocalDate {
    const end = new Date(Date.parse(`${this.today}T00:00:00Z`) + this.weeks * 7 * 86_400_000);
    const monthEnd = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0));
    return monthEnd.toISOString().slice(0, 10) as LocalDate;
  }

  protected override renderWith(gov: ReadModels, locale: Locale): TemplateResult {
    const duty = gov.duty(this.duty);
    if (!duty) return html`<p role="status">${t(locale, 'noDuty')}</p>`;
    const roster = gov.roster(duty.id, this.horizon());
    const room = (id: string) => gov.unit(id)?.room ?? id;
    const label = (id: string) => (locale === 'zh-CN' ? `${room(id)}室` : `Room ${room(id)}`);
    return html`<section aria-label=${duty.name}>
      <h2>${duty.name}</h2>
      <div part="toolbar">
        <button type="button" aria-pressed=${String(this.view === 'list')} @click=${() => (this.view = 'list')}>${t(locale, 'listView')}</button>
        <button type="button" aria-pressed=${String(this.view === 'month')} @click=${() => (this.view = 'month')}>${t(locale, 'monthView')}</button>
        ${
          this.household
            ? html`<label class="choice"
              ><input type="checkbox" .checked=${this.mineOnly} @change=${(e: Event) => (this.mineOnly = (e.target as HTMLInputElement).checked)} />
              ${t(locale, 'myHousehold')}</label
            >`
            : nothing
        }
        <button type="button" @click=${() => this.downloadICal(gov, duty.id, locale, label)}>${t(locale, 'downloadCalendar')}</button>
      </div>
      ${this.error ? html`<p part="error" role="alert">${this.error.message[locale]}</p>` : nothing}
      ${this.notice ? html`<p role="status">${this.notice}</p>` : nothing}
      ${this.view === 'month' ? this.renderMonth(roster, locale, label) : this.renderList(gov, roster, locale, label)}
    </section>`;
  }

  private visible(roster: readonly RosterSlot[]): RosterSlot[] {
    const today = this.today;
    return roster.filter((s) => s.date >= today && (!this.mineOnly || s.assignees.includes(this.household)));
  }

  private describe(s: RosterSlot, locale: Locale, label: (id: string) => string): string {
    if (s.skipped) return t(locale, 'skippedHoliday', { name: s.skipped.name });
    const who = s.assignees.map(label).join(locale === 'zh-CN' ? '、' : ', ');
    const unfilled = s.unfilled ? t(locale, 'unfilled', { missing: s.unfilled.missing }) : '';
    const moved = s.movedFrom ? t(locale, 'movedFrom', { date: s.movedFrom }) : '';
    return [who, unfilled, moved].filter(Boolean).join(' · ');
  }

  private renderList(
    gov: ReadModels,
    roster: readonly RosterSlot[],
    locale: Locale,
    label: (id: string) => string,
  ): TemplateResult {
    const slots = this.visible(roster).slice(0, this.weeks * 7);
    if (slots.length === 0) return html`<p>${t(locale, 'noSlots')}</p>`;
    const fmt = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Asia/Shanghai',
    });
    const today = this.today;
    const theirs = slots.filter(
      (s) => !s.skipped && s.assignees.length > 0 && !s.assignees.includes(this.household),
    );
    return html`<ol part="list">
      ${slots.map((s) => {
        const mine = this.household !== '' && s.assignees.includes(this.household);
        const parts = ['slot', s.date === today ? 'today' : '', mine ? 'mine' : ''].filter(Boolean).join(' ');
        return html`<li part=${parts} aria-current=${s.date === today ? 'date' : nothing}>
          <time datetime=${s.start}>${s.date === today ? `${t(locale, 'today')} · ` : ''}${fmt.format(Date.parse(s.start))}</time>
          <span>${this.describe(s, locale, label)}</span>
          ${
            mine && theirs.length > 0
              ? this.swapFor === s.date
                ? html`<label
                    >${t(locale, 'swapWith')}
                    <select id="swap-target">
                      ${theirs.map((o) => html`<option value=${o.date}>${fmt.format(Date.parse(o.start))} · ${o.assignees.map(label).join('、')}</option>`)}
                    </select></label
                  >
                  <button type="button" data-primary @click=${() => this.proposeSwap(gov, s, theirs)}>${t(locale, 'sendSwap')}</button>`
                : html`<button type="button" @click=${() => (this.swapFor = s.date)}>${t(locale, 'requestSwap')}</button>`
              : nothing
          }
        </li>`;
      })}
    </ol>`;
  }

  private renderMonth(
    roster: readonly RosterSlot[],
    locale: Locale,
    label: (id: string) => string,
  ): TemplateResult {
    const today = this.today;
    const [y, m] = today.split('-').map(Number) as [number, number];
    const first = new Date(Date.UTC(y, m - 1, 1));
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const lead = (first.getUTCDay() + 6) % 7;
    const byDate = new Map<string, RosterSlot>(
      roster
        .filter(
          (s) =>
            s.date.startsWith(today.slice(0, 7)) && (!this.mineOnly || s.assignees.includes(this.household)),
        )
        .map((s) => [s.date, s]),
    );
    const cells: (number | null)[] = [
      ...new Array<null>(lead).fill(null),
      ...Array.from({ length: days }, (_, i) => i + 1),
    ];
    while (cells.length % 7 !== 0) cells.push(null);
    const title = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      first,
    );
    return html`<table part="month">
      <caption>${title}</caption>
      <thead>
        <tr>${WEEKDAYS[locale].map((d) => html`<th scope="col">${d}</th>`)}</tr>
      </thead>
      <tbody>
        ${Array.from(
          { length: cells.length / 7 },
          (_, w) => html`<tr>
          ${cells.slice(w * 7, w * 7 + 7).map((day, i) => {
            if (day === null) return html`<td></td>`;
            const date = `${today.slice(0, 7)}-${String(day).padStart(2, '0')}`;
            const slot = byDate.get(date as string);
            return html`<td ?data-today=${date === today} data-weekday=${WEEKDAYS[locale][i] ?? ''}>
              <div>${day}</div>
              ${slot ? html`<div>${this.describe(slot, locale, label)}</div>` : nothing}
            </td>`;
          })}
        </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private async proposeSwap(gov: ReadModels, mine: RosterSlot, theirs: readonly RosterSlot[]): Promise<void> {
    const select = this.renderRoot.querySelector('#swap-target') as HTMLSelectElement | null;
    const target = theirs.find((s) => s.date === select?.value) ?? theirs[0];
    if (!target) return;
    const result = await gov.execute({
      type: 'duty.proposeSwap',
      dutyId: this.duty,
      first: { date: mine.date, memberId: this.household },
      second: { date: target.date, memberId: target.assignees[0] },
    });
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    this.error = undefined;
    this.swapFor = undefined;
    this.notice = t(this.locales.locale, 'swapSent');
    const swapId = (result.value[0]?.payload as { swap?: { id: string } } | undefined)?.swap?.id;
    this.dispatchEvent(
      new CustomEvent<LinliSwapRequestedDetail>('linli-swap-requested', {
        detail: { dutyId: this.duty, swapId },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private downloadICal(gov: ReadModels, dutyId: string, locale: Locale, label: (id: string) => string): void {
    const duty = gov.duty(dutyId);
    if (!duty) return;
    const roster = gov.roster(dutyId, this.horizon());
    const ics = rosterToICal(duty, roster, {
      locale,
      memberLabel: (id) => label(id),
      stamp: this.now ?? new Date(),
      ...(this.mineOnly && this.household ? { memberId: this.household } : {}),
    });
    download(`${dutyId}.ics`, ics, 'text/calendar;charset=utf-8');
  }
}
