import {
  type Area,
  type FundRow,
  type FundView,
  formatArea,
  formatMoney,
  fundViewCsv,
  type Locale,
  type Money,
  type ReadModels,
} from '@linli/core';
import { type CSSResultGroup, css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { baseStyles, controlStyles } from '../../internal/base-styles.js';
import { download } from '../../internal/download.js';
import { LinliElement } from '../../internal/linli-element.js';
import { type fundStrings, t } from './fund.strings.js';

type Column = 'room' | 'floor' | 'area' | 'coefficient' | 'share' | 'paid' | 'arrears';
const COLUMNS: readonly Column[] = ['room', 'floor', 'area', 'coefficient', 'share', 'paid', 'arrears'];

/**
 * @tagname linli-fund
 * @summary A fund's cost-share table per unit (floor, area, coefficient, share, paid, arrears),
 * sortable, with totals that reconcile to the fen, collection progress, income offsets and CSV.
 *
 * @csspart table - The table.
 * @csspart total - The totals row.
 * @csspart progress - The collection progress bar.
 * @csspart summary - Collection and income text.
 * @csspart exempt - The sentence telling an exempt household that it is exempt, and why.
 */
export class LinliFund extends LinliElement {
  static override styles: CSSResultGroup = [
    baseStyles,
    controlStyles,
    css`
      :host {
        display: block;
        max-width: 60rem;
        container-type: inline-size;
      }
      /* Between a phone and a desktop the table may still be wider than its column: it scrolls inside its own region, never the page. */
      [part='scroll'] {
        overflow-x: auto;
        max-width: 100%;
      }
      [part='scroll']:focus-visible {
        outline: 3px solid var(--linli-color-focus, #0b57d0);
        outline-offset: 2px;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        border-bottom: 1px solid var(--linli-color-border, #d0d7de);
        padding: 0.35em 0.5em;
        text-align: end;
      }
      th:first-child,
      td:first-child {
        text-align: start;
      }
      th button {
        border: none;
        background: none;
        font-weight: 600;
        padding: 0.2em 0.3em;
      }
      [part='total'] td {
        font-weight: 700;
        border-top: 2px solid currentColor;
      }
      progress {
        width: 100%;
        height: 1em;
      }
      /* The household's own row stands out (and says so to screen readers: aria-current). */
      tr[aria-current] {
        background: var(--linli-color-highlight, #fff8c5);
        outline: 2px solid var(--linli-color-highlight-border, #9a6700);
        outline-offset: -2px;
      }
      [part='exempt'] {
        font-weight: 600;
        padding: 0.5em 0.8em;
        border-left: 4px solid var(--linli-color-highlight-border, #9a6700);
        background: var(--linli-color-highlight, #fff8c5);
      }
      @media (prefers-color-scheme: dark) {
        tr[aria-current],
        [part='exempt'] {
          background: var(--linli-color-highlight, #3a2d00);
          outline-color: var(--linli-color-highlight-border, #d29922);
          border-color: var(--linli-color-highlight-border, #d29922);
        }
      }
      /*
       * A phone (360 px) is narrower than seven columns: each household becomes a card of label–value
       * lines, the column headers a row of sort buttons, and nothing scrolls sideways.
       */
      @container (max-width: 36rem) {
        table,
        tbody,
        tfoot,
        tr,
        td {
          display: block;
        }
        thead tr {
          display: flex;
          flex-wrap: wrap;
          gap: 0.3em;
        }
        thead th {
          display: block;
          border: none;
          padding: 0;
        }
        th button {
          border: 1px solid var(--linli-color-border, #57606a);
        }
        tbody tr,
        tfoot tr {
          border: 1px solid var(--linli-color-border, #d0d7de);
          border-radius: var(--linli-radius, 8px);
          margin: 0.6em 0;
          padding: 0.3em 0.6em;
        }
        td {
          display: flex;
          justify-content: space-between;
          gap: 1em;
          border: none;
          padding: 0.15em 0;
        }
        td:empty {
          display: none;
        }
        td::before {
          content: attr(data-label);
          text-align: start;
        }
        td:first-child {
          font-weight: 700;
        }
        [part='total'] td {
          border-top: none;
        }
      }
      @media print {
        th button {
          min-height: 0;
        }
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...LinliElement.properties,
    fund: { type: String },
    household: { type: String },
    sortBy: { state: true },
    descending: { state: true },
  };

  /** The fund id. */
  declare fund: string;
  /** The viewer's unit id: its row is marked. */
  declare household: string;
  declare private sortBy: Column;
  declare private descending: boolean;

  constructor() {
    super();
    this.fund = '';
    this.household = '';
    this.sortBy = 'floor';
    this.descending = false;
  }

  protected override renderWith(gov: ReadModels, locale: Locale): TemplateResult {
    const view = gov.fundView(this.fund);
    if (!view) return html`<p role="status">${t(locale, 'noFund')}</p>`;
    const money = (fen: number) => formatMoney(fen as Money, locale);
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
      view.collected.numerator / view.collected.denominator,
    );
    const rows = [...view.rows].sort((a, b) => this.compare(a, b));
    const label = (c: Column) => t(locale, c);
    const exempt = view.exempt?.find((x) => x.unitId === this.household);
    return html`<section aria-label=${view.name}>
      <h2>${view.name}</h2>
      ${exempt ? html`<p part="exempt">${t(locale, 'exempt', { room: exempt.room, reason: exempt.reason })}</p>` : nothing}
      <p part="summary">${t(locale, 'collected', { paid: money(view.totals.paid), share: money(view.totals.share), percent })}</p>
      <progress part="progress" max=${view.collected.denominator} .value=${view.collected.numerator} aria-label=${t(locale, 'collected', { paid: money(view.totals.paid), share: money(view.totals.share), percent })}></progress>
      ${
        view.income > 0
          ? html`<p part="summary">${t(locale, 'incomeOffsets', { income: money(view.income), expenses: money(view.expenses), balance: money(view.balance) })}</p>`
          : nothing
      }
      <div part="scroll" role="region" tabindex="0" aria-label=${t(locale, 'sharesTable', { fund: view.name })}>
      <table part="table">
        <thead>
          <tr>
            ${COLUMNS.map((c) => {
              const sorted = this.sortBy === c;
              return html`<th scope="col" aria-sort=${sorted ? (this.descending ? 'descending' : 'ascending') : 'none'}>
                <button type="button" aria-label=${t(locale, 'sortBy', { column: t(locale, c as keyof typeof fundStrings) })} @click=${() => this.sort(c)}>
                  ${t(locale, c as keyof typeof fundStrings)}${sorted ? (this.descending ? ' ▼' : ' ▲') : ''}
                </button>
              </th>`;
            })}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr aria-current=${r.unitId === this.household ? 'true' : nothing}>
              <td data-label=${label('room')}>${r.room}</td>
              <td data-label=${label('floor')}>${r.floor}</td>
              <td data-label=${label('area')}>${formatArea(r.area as Area, locale)}</td>
              <td data-label=${label('coefficient')}>${r.coefficient === null ? '—' : (r.coefficient / 100).toFixed(2)}</td>
              <td data-label=${label('share')}>${money(r.share)}</td>
              <td data-label=${label('paid')}>${money(r.paid)}</td>
              <td data-label=${label('arrears')}>${money(r.arrears)}</td>
            </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr part="total">
            <td>${t(locale, 'total')}</td>
            <td></td>
            <td></td>
            <td></td>
            <td data-label=${label('share')}>${money(view.totals.share)}</td>
            <td data-label=${label('paid')}>${money(view.totals.paid)}</td>
            <td data-label=${label('arrears')}>${money(view.totals.arrears)}</td>
          </tr>
        </tfoot>
      </table>
      </div>
      <p><button type="button" @click=${() => this.downloadCsv(view)}>${t(locale, 'downloadCsv')}</button></p>
    </section>`;
  }

  private compare(a: FundRow, b: FundRow): number {
    const key = this.sortBy;
    const x = a[key] ?? -1;
    const y = b[key] ?? -1;
    const order =
      typeof x === 'string' && typeof y === 'string'
        ? x.localeCompare(y, 'zh-CN', { numeric: true })
        : Number(x) - Number(y);
    return (this.descending ? -order : order) || a.unitId.localeCompare(b.unitId);
  }

  private sort(column: Column): void {
    if (this.sortBy === column) this.descending = !this.descending;
    else {
      this.sortBy = column;
      this.descending = false;
    }
  }

  private downloadCsv(view: FundView): void {
    download(`${view.fundId}.csv`, fundViewCsv(view), 'text/csv;charset=utf-8');
  }

  /** The locale in use (for tests and embedding pages). */
  get locale(): Locale {
    return this.locales.locale;
  }
}
