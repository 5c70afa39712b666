import type { LinliError, Locale } from '@linli/core';
import type { NumberedRegisterRow, RegisterField } from '@linli/core/register';
import { LocaleController } from '@linli/widgets';
import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { ApiClient, ApiResult } from '../../api/api-client.ts';
import { saveFile } from '../../api/save-file.js';
import {
  exportRegister,
  importRegister,
  previewRegister,
  type RegisterImported,
  type RegisterMapping,
  type RegisterPreview,
} from './register-api.ts';
import {
  type RegisterImportStrings,
  type RowColumn,
  registerImportStrings,
} from './register-import.strings.ts';
import { registerImportStyles } from './register-import.styles.ts';

/** Where the screen is: nothing chosen, reading or importing, a preview shown, or imported. */
type Phase = 'choose' | 'reading' | 'preview' | 'importing' | 'done';

const ROW_COLUMNS: readonly RowColumn[] = [
  'line',
  'building',
  'stairwell',
  'room',
  'floor',
  'area',
  'owners',
  'phone',
];

/** Integer hundredths of m² as the register writes them: `7532` → `75.32`, never through a float. */
export function formatArea(hundredths: number): string {
  return `${Math.trunc(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/**
 * @tagname linli-register-import
 * @summary The organizer's housing-register import: choose a `.xlsx`/`.csv`, see what it would change
 * with every problem by row and column, map unknown headers, confirm, and export the register.
 *
 * Nothing is imported until the confirm button is pressed, and it stays disabled while problems remain.
 * Speaks the language of the nearest `[lang]`; follows the `--linli-*` custom properties.
 */
export class LinliRegisterImport extends LitElement {
  static override styles = registerImportStyles;

  static override properties: PropertyDeclarations = {
    community: { type: String },
    api: { attribute: false },
    largeText: { type: Boolean, attribute: 'large-text', reflect: true },
    phase: { state: true },
    preview: { state: true },
    draft: { state: true },
    result: { state: true },
    error: { state: true },
  };

  /** The community's id, as in `/c/<id>/`. */
  declare community: string;
  /** The client carrying the signed-in organizer's token. */
  declare api: ApiClient | undefined;
  /** Larger text and targets for older readers. */
  declare largeText: boolean;

  declare protected phase: Phase;
  declare protected preview: RegisterPreview | undefined;
  /** The mapping being edited in the mapping step; sent with the next preview. */
  declare protected draft: Record<string, RegisterField | null>;
  declare protected result: RegisterImported | undefined;
  declare protected error: LinliError | undefined;

  readonly #locale = new LocaleController(this);
  #file: File | undefined;
  /** The mapping the shown preview was read with: the import sends exactly this one. */
  #mapping: RegisterMapping | undefined;
  /** Where focus goes after the next render (a step's heading), so keyboard and screen-reader users follow. */
  #focusNext: string | undefined;

  constructor() {
    super();
    this.community = '';
    this.largeText = false;
    this.phase = 'choose';
    this.draft = {};
  }

  get #t(): RegisterImportStrings {
    return registerImportStrings[this.#locale.locale];
  }

  get #lang(): Locale {
    return this.#locale.locale;
  }

  override render(): TemplateResult {
    const t = this.#t;
    const busy = this.phase === 'reading' || this.phase === 'importing';
    return html`
      <h1>${t.title}</h1>
      <p class="hint">${t.intro}</p>
      ${this.#renderChoose(t, busy)}
      <p role="status" aria-live="polite">
        ${this.phase === 'reading' ? t.reading : this.phase === 'importing' ? t.importing : ''}
      </p>
      ${this.error ? html`<p class="error" role="alert">${this.error.message[this.#lang]}</p>` : nothing}
      ${this.phase === 'done' && this.result ? this.#renderDone(t, this.result) : nothing}
      ${this.preview && this.phase !== 'done' ? this.#renderPreview(t, this.preview, busy) : nothing}
      ${this.#renderExport(t)}
    `;
  }

  override updated(): void {
    if (this.#focusNext === undefined) return;
    const target = this.renderRoot.querySelector<HTMLElement>(`#${this.#focusNext}`);
    this.#focusNext = undefined;
    target?.focus();
  }

  #renderChoose(t: RegisterImportStrings, busy: boolean): TemplateResult {
    return html`
      <fieldset>
        <legend>${t.chooseLegend}</legend>
        <label for="file">${t.fileLabel}</label>
        <p class="hint" id="file-hint">${t.fileHint}</p>
        <input
          id="file"
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="file-hint"
          ?disabled=${busy}
          @change=${this.#chosen}
        />
      </fieldset>
    `;
  }

  #renderPreview(t: RegisterImportStrings, preview: RegisterPreview, busy: boolean): TemplateResult {
    return html`
      ${this.#renderSummary(t, preview)} ${this.#renderProblems(t, preview)}
      ${this.#renderMapping(t, preview, busy)} ${this.#renderConfirm(t, preview, busy)}
      ${this.#renderRows(t, preview)}
    `;
  }

  #renderSummary(t: RegisterImportStrings, preview: RegisterPreview): TemplateResult {
    const { plan } = preview;
    const blocked =
      !plan.ok && plan.error.code !== 'register.has_problems' && plan.error.code !== 'register.no_header';
    return html`
      <section aria-labelledby="summary">
        <h2 id="summary" tabindex="-1">${t.summaryTitle(preview.file)}</h2>
        <p>${preview.headerLine === 0 ? t.noHeader : t.rowsRead(preview.rowCount, preview.headerLine)}</p>
        ${
          preview.problemCount > 0
            ? html`<p><a class="error" href="#problems" @click=${this.#toProblems}>${t.problemsLink(preview.problemCount)}</a></p>`
            : nothing
        }
        ${blocked ? html`<p class="error">${t.refusedBecause} ${plan.error.message[this.#lang]}</p>` : nothing}
        ${plan.ok && plan.changes === 0 ? html`<p>${t.nothingToChange}</p>` : nothing}
        ${
          plan.ok && plan.changes > 0
            ? html`<p>${t.wouldChange}</p>
                <ul class="changes">
                  ${Object.entries(plan.counts).map(([type, n]) => html`<li>${t.change(type, n)}</li>`)}
                </ul>`
            : nothing
        }
      </section>
    `;
  }

  #renderProblems(t: RegisterImportStrings, preview: RegisterPreview): TemplateResult | typeof nothing {
    if (preview.problemCount === 0) return nothing;
    return html`
      <section aria-labelledby="problems">
        <h2 id="problems" tabindex="-1">${t.problemsTitle} (${preview.problemCount})</h2>
        ${
          preview.problemCount > preview.problems.length
            ? html`<p class="hint">${t.problemsMore(preview.problems.length, preview.problemCount)}</p>`
            : nothing
        }
        <ol class="problems">
          ${preview.problems.map(
            (p) => html`<li>
              <span class="problem-where">${t.where(p.line, p.column)}</span>${p.error.message[this.#lang]}
            </li>`,
          )}
        </ol>
      </section>
    `;
  }

  #renderMapping(t: RegisterImportStrings, preview: RegisterPreview, busy: boolean): TemplateResult {
    if (preview.columns.length === 0) return html``;
    const unsure = preview.headerLine === 0 || preview.columns.some((c) => c.field === null);
    const label = (field: RegisterField) => {
      const known = preview.fields.find((f) => f.field === field);
      return known ? `${known.label[this.#lang]}${known.required ? ` (${t.required})` : ''}` : field;
    };
    return html`
      <details ?open=${unsure}>
        <summary>${t.mappingTitle}</summary>
        <p class="hint">${t.mappingHint}</p>
        <div class="mapping">
          ${preview.columns.map((column, index) => {
            const chosen = Object.hasOwn(this.draft, column.header)
              ? this.draft[column.header]
              : column.field;
            return html`
              <label for=${`map-${index}`}>${column.header || `#${index + 1}`}</label>
              <select
                id=${`map-${index}`}
                @change=${(e: Event) => this.#mapped(column.header, (e.target as HTMLSelectElement).value)}
              >
                <option value="" ?selected=${chosen === null}>${t.ignore}</option>
                ${preview.fields.map(
                  (f) =>
                    html`<option value=${f.field} ?selected=${chosen === f.field}>${label(f.field)}</option>`,
                )}
              </select>
            `;
          })}
        </div>
        <button type="button" id="preview-again" ?disabled=${busy} @click=${this.#previewAgain}>${t.previewAgain}</button>
      </details>
    `;
  }

  #renderRows(t: RegisterImportStrings, preview: RegisterPreview): TemplateResult | typeof nothing {
    if (preview.rows.length === 0) return nothing;
    return html`
      <section aria-labelledby="rows">
        <h2 id="rows">${t.rowsTitle}</h2>
        <details class="rows">
        <summary>${t.showAll(preview.rowCount)}</summary>
        <table>
          <caption>
            ${
              preview.rowCount > preview.rows.length
                ? t.rowsMore(preview.rows.length, preview.rowCount)
                : t.rowsRead(preview.rowCount, preview.headerLine)
            }
          </caption>
          <thead>
            <tr>
              ${ROW_COLUMNS.map((c) => html`<th scope="col">${t.column[c]}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${preview.rows.map((row) => this.#renderRow(t, row))}
          </tbody>
        </table>
        </details>
      </section>
    `;
  }

  #renderRow(t: RegisterImportStrings, row: NumberedRegisterRow): TemplateResult {
    const cells: Record<RowColumn, string> = {
      line: String(row.line),
      building: row.building,
      stairwell: row.stairwell,
      room: row.room,
      floor: String(row.floor),
      area: formatArea(row.area),
      owners: row.owners.length === 0 ? t.unsold : row.owners.join('、'),
      phone: row.phone ?? '',
    };
    const numeric = new Set<RowColumn>(['line', 'floor', 'area']);
    return html`<tr>
      ${ROW_COLUMNS.map(
        (c) => html`<td data-label=${t.column[c]} class=${numeric.has(c) ? 'number' : ''}>${cells[c]}</td>`,
      )}
    </tr>`;
  }

  #renderConfirm(t: RegisterImportStrings, preview: RegisterPreview, busy: boolean): TemplateResult {
    const { plan } = preview;
    const ready = plan.ok && preview.problemCount === 0;
    if (ready && plan.changes === 0)
      return html`<div class="actions"><p id="up-to-date" class="done">${t.nothingToImport}</p></div>`;
    return html`
      <div class="actions">
        <button
          type="button"
          data-primary
          id="confirm"
          ?disabled=${!ready || busy}
          aria-describedby=${ready ? nothing : 'confirm-note'}
          @click=${this.#confirm}
        >
          ${t.confirm(ready ? preview.rowCount : undefined)}
        </button>
      </div>
      ${ready ? nothing : html`<p id="confirm-note" class="hint">${t.confirmBlocked}</p>`}
    `;
  }

  #renderDone(t: RegisterImportStrings, result: RegisterImported): TemplateResult {
    return html`
      <section aria-labelledby="done">
        <h2 id="done" tabindex="-1">${t.doneTitle}</h2>
        <p class="done">${result.upToDate ? t.upToDate : t.done(result.changes)}</p>
        ${
          result.upToDate
            ? nothing
            : html`<ul class="changes">
                ${Object.entries(result.counts).map(([type, n]) => html`<li>${t.change(type, n)}</li>`)}
              </ul>`
        }
        <div class="actions">
          <button type="button" id="import-another" @click=${this.#again}>${t.importAnother}</button>
        </div>
      </section>
    `;
  }

  #renderExport(t: RegisterImportStrings): TemplateResult {
    return html`
      <section aria-labelledby="export">
        <h2 id="export">${t.exportTitle}</h2>
        <p class="hint">${t.exportHint}</p>
        <div class="actions">
          <button type="button" id="export-xlsx" @click=${() => this.#download('xlsx')}>${t.exportXlsx}</button>
          <button type="button" id="export-csv" @click=${() => this.#download('csv')}>${t.exportCsv}</button>
        </div>
      </section>
    `;
  }

  #chosen(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.#file = file;
    this.draft = {};
    // A corrected copy of the register has the same headers: the mapping chosen for it still applies.
    void this.#read(this.#mapping);
  }

  #mapped(header: string, value: string): void {
    this.draft = { ...this.draft, [header]: value === '' ? null : (value as RegisterField) };
  }

  #previewAgain(): void {
    const mapping: Record<string, RegisterField | null> = {};
    for (const column of this.preview?.columns ?? [])
      mapping[column.header] = Object.hasOwn(this.draft, column.header)
        ? (this.draft[column.header] ?? null)
        : column.field;
    void this.#read(mapping);
  }

  async #read(mapping: RegisterMapping | undefined): Promise<void> {
    const { api, community } = this;
    if (!this.#file || !api) return;
    this.phase = 'reading';
    this.error = undefined;
    const answer = await previewRegister(api, community, this.#file, mapping);
    this.#settle(answer, (preview) => {
      this.preview = preview;
      this.#mapping = mapping;
      this.draft = {};
      this.phase = 'preview';
      this.#focusNext = 'summary';
    });
  }

  async #confirm(): Promise<void> {
    const { api, community } = this;
    if (!this.#file || !api) return;
    this.phase = 'importing';
    this.error = undefined;
    const answer = await importRegister(api, community, this.#file, this.#mapping);
    this.#settle(answer, (result) => {
      this.result = result;
      this.phase = 'done';
      this.#focusNext = 'done';
    });
  }

  /** Takes a server answer: its value to `then`, or its typed error shown inline (the step stays as it was). */
  #settle<T>(answer: ApiResult<T>, then: (value: T) => void): void {
    if (answer.ok) then(answer.value);
    else {
      this.error = answer.error;
      this.phase = this.preview ? 'preview' : 'choose';
    }
  }

  #again(): void {
    this.phase = 'choose';
    this.preview = undefined;
    this.result = undefined;
    this.#file = undefined;
    this.#mapping = undefined;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#file');
    if (input) input.value = '';
    this.#focusNext = 'file';
  }

  #toProblems(event: Event): void {
    // The list lives in this shadow root, where the page's fragment navigation cannot reach it.
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('#problems')?.focus();
    this.renderRoot.querySelector<HTMLElement>('#problems')?.scrollIntoView({ block: 'start' });
  }

  async #download(format: 'csv' | 'xlsx'): Promise<void> {
    if (!this.api) return;
    const answer = await exportRegister(this.api, this.community, format);
    if (!answer.ok) {
      this.error = answer.error;
      return;
    }
    saveFile(answer.value, `房屋清册-${this.community}.${format}`);
  }
}
