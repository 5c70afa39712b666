import type { Announcement, Attachment, LocalDate, Locale, ReadModels } from '@linli/core';
import { type CSSResultGroup, css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { baseStyles } from '../../internal/base-styles.js';
import { LinliElement } from '../../internal/linli-element.js';
import { t } from './announcements.strings.js';

/** A date as the reader's locale writes it (`2026年12月3日`, `Dec 3, 2026`). */
function formatDate(date: LocalDate, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** A file size in KB or MB, rounded for reading. */
function formatSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1048576).toFixed(1)} MB`;
}

/**
 * @tagname linli-announcements
 * @summary The notices (公告) up today for a building: title, date, last day, the body as plain
 * text with its line breaks, and attachment links. With `unit` and a signed-in `token` at
 * `endpoint`, opening a notice marks it read for that household (once; the server counts it once).
 *
 * @csspart notice - One notice (a `<details>`); `read` marks one this household has opened here.
 * @csspart body - A notice's text.
 * @csspart attachment - An attachment link.
 */
export class LinliAnnouncements extends LinliElement {
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
        margin: 0;
      }
      [part~='notice'] {
        border: 1px solid var(--linli-color-border, #57606a);
        border-radius: var(--linli-radius, 6px);
        margin: 0 0 0.75em;
        padding: 0 0.75em;
      }
      summary {
        cursor: pointer;
        min-height: max(44px, var(--linli-target));
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.1em 1em;
        padding: 0.4em 0;
      }
      summary:focus-visible {
        outline: 3px solid var(--linli-color-focus, #bf4b00);
        outline-offset: 2px;
      }
      summary strong {
        font-size: 1.1em;
        flex: 1 1 12em;
      }
      [part~='body'] {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        line-height: 1.6;
        margin: 0.25em 0 0.75em;
      }
      a,
      button.file {
        display: inline-flex;
        align-items: center;
        min-height: max(44px, var(--linli-target));
        color: var(--linli-color-link, #0b5cad);
      }
      button.file {
        background: none;
        border: none;
        padding: 0;
        font: inherit;
        text-decoration: underline;
        cursor: pointer;
      }
      @media (prefers-color-scheme: dark) {
        a,
        button.file {
          color: var(--linli-color-link, #79c0ff);
        }
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...LinliElement.properties,
    building: { type: String },
    stairwell: { type: String },
    unit: { type: String },
    fileError: { state: true },
  };

  /** The building whose notices to show (with the community's); every notice when empty. */
  declare building: string;
  /** The stairwell of the reader, to leave out other stairwells' notices; all of the building's when empty. */
  declare stairwell: string;
  /** The signed-in household's unit: opening a notice marks it read for this unit. */
  declare unit: string;
  declare fileError: string;
  private readonly marked = new Set<string>();

  constructor() {
    super();
    this.building = '';
    this.stairwell = '';
    this.unit = '';
    this.fileError = '';
  }

  /** The building the notices are for: `building`, else the unit's own. */
  private buildingOf(gov: ReadModels): string {
    return this.building || (this.unit ? (gov.unit(this.unit)?.buildingId ?? '') : '');
  }

  private shown(gov: ReadModels, notice: Announcement): boolean {
    const building = this.buildingOf(gov);
    const { scope } = notice;
    if (scope.kind === 'community' || !building) return true;
    if (scope.kind === 'building') return scope.id === building;
    if (this.stairwell) return scope.id === this.stairwell;
    return gov.stairwellBuilding(scope.id) === building;
  }

  protected renderWith(gov: ReadModels, locale: Locale): TemplateResult {
    const notices = gov.announcements().filter((n) => this.shown(gov, n));
    return html`<section aria-labelledby="heading">
      <h2 id="heading">${t(locale, 'heading')}</h2>
      ${
        notices.length === 0
          ? html`<p role="status">${t(locale, 'none')}</p>`
          : html`<ul>
            ${notices.map((n) => html`<li>${this.renderNotice(gov, n, locale)}</li>`)}
          </ul>`
      }
      ${this.fileError ? html`<p role="alert" class="error">${this.fileError}</p>` : nothing}
    </section>`;
  }

  private renderNotice(gov: ReadModels, notice: Announcement, locale: Locale): TemplateResult {
    const part = this.marked.has(notice.id) ? 'notice read' : 'notice';
    return html`<details part=${part} data-id=${notice.id} @toggle=${(e: Event) => this.opened(gov, notice, e)}>
      <summary>
        <strong>${notice.title}</strong>
        <span class="meta">${t(locale, 'posted', { date: formatDate(notice.postedOn, locale) })}</span>
        ${
          notice.expiresOn === undefined
            ? nothing
            : html`<span class="meta">${t(locale, 'until', { date: formatDate(notice.expiresOn, locale) })}</span>`
        }
      </summary>
      <p part="body">${notice.body}</p>
      ${this.renderAttachments(notice.attachments ?? [], locale)}
    </details>`;
  }

  private renderAttachments(files: readonly Attachment[], locale: Locale): TemplateResult | typeof nothing {
    if (files.length === 0) return nothing;
    const signedIn = Boolean(this.endpoint && this.token);
    return html`<p>${t(locale, 'attachments')}:</p>
      <ul>
        ${files.map((file, i) => {
          const label = `${file.name ?? t(locale, 'file', { n: i + 1 })} (${formatSize(file.size)})`;
          return html`<li>
            ${
              signedIn
                ? html`<button type="button" class="file" part="attachment" @click=${() => this.openFile(file, locale)}>${label}</button>`
                : html`<span part="attachment">${label} ${t(locale, 'signInForFile')}</span>`
            }
          </li>`;
        })}
      </ul>`;
  }

  /** Marks a notice read the first time this household opens it here; the server counts it once anyway. */
  private opened(gov: ReadModels, notice: Announcement, event: Event): void {
    if (!(event.target as HTMLDetailsElement).open || !this.unit || this.marked.has(notice.id)) return;
    this.marked.add(notice.id);
    void gov.execute({ type: 'announcement.markRead', announcementId: notice.id, unitId: this.unit });
    this.requestUpdate();
  }

  /** Attachments are for members only: fetched with the session token, then opened from memory. */
  private async openFile(file: Attachment, locale: Locale): Promise<void> {
    this.fileError = '';
    try {
      const response = await fetch(`${this.endpoint.replace(/\/+$/, '')}/attachments/${file.sha256}`, {
        headers: { authorization: `Bearer ${this.token}` },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = file.name ?? `${file.sha256.slice(0, 16)}`;
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      this.fileError = t(locale, 'fileFailed', { reason: e instanceof Error ? e.message : String(e) });
    }
  }
}
