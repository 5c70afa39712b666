import { css, html, nothing, type TemplateResult } from 'lit';
import { a4Page } from '../print/a4-page.js';
import { ReplicaScreen } from '../replica-screen.js';
import { ScreenElement } from '../screen-element.js';
import { t } from './announcements.strings.js';
import { scopeLabel } from './scope.js';

/**
 * The lobby sheet of one notice at `/c/:community/organizer/announcements/:announcement/print`: on
 * A4, black on white, the community, the title, the date, who it is for, the text as written (line
 * breaks kept) and the attachments' names. The shell's header and every button stay off the paper.
 */
export class NoticeSheetScreen extends ReplicaScreen {
  static override styles = [
    ScreenElement.styles,
    css`
      .sheet h2 {
        font-size: 2em;
        text-align: center;
        margin: 0.5em 0;
      }
      .sheet .meta {
        text-align: center;
      }
      .sheet .body {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        font-size: 1.25em;
        line-height: 1.8;
      }
      @media print {
        .sheet {
          color: #000;
          background: #fff;
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
    const gov = this.replica.governance;
    const back = `/c/${encodeURIComponent(this.community)}/organizer/announcements`;
    const head = html`<h1 id="title" tabindex="-1" class="no-print">${t(l, 'print')}</h1>
      <p class="no-print"><a href=${back}>${t(l, 'back')}</a></p>
      <p class="no-print hint">${t(l, 'printHint')}</p>
      <p class="no-print"><button type="button" @click=${() => window.print()}>${t(l, 'printNow')}</button></p>`;
    if (!gov) return html`${head}${this.loadState(t(l, 'loading'))}`;
    const id = this.context.params.announcement ?? '';
    const { notice, scope, community } = gov.read((s) => {
      const notice = s.announcements.announcements.get(id);
      return {
        notice,
        scope: notice ? scopeLabel(s.community, notice.scope, l) : '',
        community: s.community.community?.name ?? '',
      };
    });
    if (!notice) return html`${head}<p class="alert" role="alert">${t(l, 'notFound')}</p>`;
    const names = (notice.attachments ?? []).map((a) => a.name ?? a.sha256.slice(0, 12));
    return html`${head}
      <article class="sheet card" aria-labelledby="sheet-title">
        <p class="meta">${t(l, 'sheetFrom', { community, date: notice.postedOn })}</p>
        <h2 id="sheet-title">${notice.title}</h2>
        <p class="meta">${t(l, 'scope')}：${scope}${notice.expiresOn ? html` · ${t(l, 'until', { date: notice.expiresOn })}` : nothing}</p>
        <p class="body">${notice.body}</p>
        ${names.length > 0 ? html`<p>${t(l, 'attachments', { names: names.join('、') })}</p>` : nothing}
      </article>`;
  }
}

if (!customElements.get('linli-notice-sheet-screen'))
  customElements.define('linli-notice-sheet-screen', NoticeSheetScreen);
