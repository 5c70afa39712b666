import type { Attachment, AttachmentType, LinliError, Locale } from '@linli/core';
import { css, html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { ApiClient } from '../../api/api-client.js';
import { screenStyles } from '../../shell/screen-styles.js';
import { t } from './books.strings.js';

/** One file picked: uploading, kept by the server (its reference), or refused (the typed error). */
interface Picked {
  readonly key: number;
  readonly name: string;
  readonly size: number;
  readonly type: string;
  /** A `data:` URL of a picked photo, for its thumbnail (the page's CSP allows no `blob:`). */
  readonly thumbnail?: string;
  readonly attachment?: Attachment;
  readonly error?: LinliError;
}

/** Bytes in the page's language: "1.2 MB", "830 KB". */
export function sizeText(bytes: number, locale: Locale): string {
  if (bytes < 1024) return `${bytes} B`;
  const unit = bytes >= 1024 * 1024 ? { n: bytes / 1024 / 1024, u: 'MB' } : { n: bytes / 1024, u: 'KB' };
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(unit.n)} ${unit.u}`;
}

const dataUrl = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/**
 * A file input for photos and scans of invoices and receipts (`accept="image/*,application/pdf"
 * capture`, so a phone offers its camera). Each file is sent to `POST /c/:community/attachments` as
 * soon as it is picked; the list shows its name, size, type and a thumbnail of a photo, and the
 * server's refusal (too large, not a photo or PDF) beside it in the page's language. `attachments`
 * is what a command then names.
 */
export class AttachmentField extends LitElement {
  static override properties: PropertyDeclarations = {
    api: { attribute: false },
    uploadPath: { attribute: false },
    locale: { attribute: false },
    fieldId: { attribute: 'field-id' },
    picked: { state: true },
  };
  static override styles = [
    screenStyles,
    css`
      ul {
        list-style: none;
        padding: 0;
        margin: 0.5em 0 0;
        display: grid;
        gap: 0.5em;
      }
      span.label {
        font-weight: 600;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6em;
        align-items: center;
      }
      img {
        width: 64px;
        height: 64px;
        object-fit: cover;
        border: 1px solid var(--linli-color-border);
        border-radius: 4px;
      }
      /*
       * The browser's own file button speaks the browser's language, not the page's: the input is
       * hidden from sight (still focusable and labelled) and its label is the button the reader sees.
       */
      .visually-hidden {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      label.pick {
        display: inline-flex;
        align-items: center;
        justify-self: start;
        min-height: 44px;
        padding: 0.4em 1.1em;
        border: 1px solid var(--linli-color-border);
        border-radius: 6px;
        background: var(--linli-color-surface);
        font-weight: normal;
        cursor: pointer;
      }
      input:focus-visible + label.pick {
        outline: 3px solid var(--linli-color-focus);
        outline-offset: 2px;
      }
    `,
  ];

  declare api: ApiClient | undefined;
  declare uploadPath: string;
  declare locale: Locale;
  declare fieldId: string;
  declare picked: readonly Picked[];
  #next = 0;

  constructor() {
    super();
    this.uploadPath = '';
    this.locale = 'zh-CN';
    this.fieldId = 'attachments';
    this.picked = [];
  }

  /** The uploaded files' references, for the command. */
  get attachments(): Attachment[] {
    return this.picked.flatMap((p) => (p.attachment ? [p.attachment] : []));
  }

  /** Whether a file is still uploading or was refused (and not removed yet). */
  get unsettled(): boolean {
    return this.picked.some((p) => !p.attachment);
  }

  /** Forgets every file (after the command that named them was recorded). */
  clear(): void {
    this.picked = [];
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    return html`<div class="field">
      <span class="label" id="${this.fieldId}-label">${t(l, 'attachments')}</span>
      <p class="hint" id="${this.fieldId}-hint">${t(l, 'attachHint')}</p>
      <input id=${this.fieldId} class="visually-hidden" type="file" multiple accept="image/*,application/pdf"
        capture="environment" aria-labelledby="${this.fieldId}-label ${this.fieldId}-pick"
        aria-describedby="${this.fieldId}-hint" @change=${(e: Event) => this.pick(e.target as HTMLInputElement)} />
      <label class="pick" id="${this.fieldId}-pick" for=${this.fieldId}>${t(l, 'pickFiles')}</label>
      ${this.picked.length === 0 ? nothing : html`<ul aria-live="polite">${this.picked.map((p) => this.renderPicked(p))}</ul>`}
    </div>`;
  }

  private renderPicked(p: Picked): TemplateResult {
    const l = this.locale;
    const state = p.error
      ? html`<span class="error" role="alert">${p.error.message[l]}</span>`
      : html`<span>${p.attachment ? t(l, 'uploaded') : t(l, 'uploading')}</span>`;
    return html`<li>
      ${
        p.thumbnail
          ? html`<img src=${p.thumbnail} alt="" @error=${(e: Event) => {
              // Bytes that only claim to be a photo draw nothing: no broken picture beside the refusal.
              (e.target as HTMLElement).hidden = true;
            }} />`
          : nothing
      }
      <span>${p.name} · ${sizeText(p.size, l)} · ${p.type || '?'}</span>
      ${state}
      <button type="button" @click=${() => this.drop(p.key)}>${t(l, 'remove', { name: p.name })}</button>
    </li>`;
  }

  private drop(key: number): void {
    this.picked = this.picked.filter((p) => p.key !== key);
  }

  private async pick(input: HTMLInputElement): Promise<void> {
    const files = [...(input.files ?? [])];
    input.value = '';
    await Promise.all(files.map((file) => this.upload(file)));
  }

  /** Sends one file's bytes; the server checks its size and its type by its own bytes. */
  private async upload(file: File): Promise<void> {
    const key = this.#next++;
    const thumbnail = file.type.startsWith('image/') ? await dataUrl(file).catch(() => undefined) : undefined;
    const base = {
      key,
      name: file.name,
      size: file.size,
      type: file.type,
      ...(thumbnail ? { thumbnail } : {}),
    };
    this.picked = [...this.picked, base];
    const answer = await (this.api?.request<{ sha256: string; size: number; type: AttachmentType }>(
      this.uploadPath,
      {
        method: 'POST',
        body: file,
        headers: { 'content-type': file.type || 'application/octet-stream' },
      },
    ) ?? Promise.resolve(undefined));
    const settled: Picked =
      answer === undefined
        ? base
        : answer.ok
          ? { ...base, attachment: { ...answer.value, name: file.name.slice(0, 200) } }
          : { ...base, error: answer.error };
    this.picked = this.picked.map((p) => (p.key === key ? settled : p));
  }
}

if (!customElements.get('linli-attachment-field'))
  customElements.define('linli-attachment-field', AttachmentField);

declare global {
  interface HTMLElementTagNameMap {
    'linli-attachment-field': AttachmentField;
  }
}
