import '@linli/widgets/define/linli-result-notice.js';
import { html, type TemplateResult } from 'lit';
import { ReplicaScreen } from '../replica-screen.js';
import { t } from './print.strings.js';
import { motionPaths } from './print-paths.js';

/**
 * The 公示 of one motion at `/c/:community/organizer/motions/:motion/notice`: the result notice element
 * on the organizer's live replica, with a print button (the browser's print, or save as PDF; the
 * shell's header and every button stay off the paper). Its QR code links to the public result page.
 */
export class NoticeScreen extends ReplicaScreen {
  protected override render(): TemplateResult {
    const l = this.locale;
    const paths = motionPaths(this.context.params);
    const gov = this.replica.governance;
    return html`<h1 id="title" tabindex="-1" class="no-print">${t(l, 'noticeTitle')}</h1>
      <p class="no-print"><a href=${paths.motion}>${t(l, 'back')}</a></p>
      <p class="no-print hint">${t(l, 'printHint')}</p>
      <p class="no-print"><button type="button" @click=${() => window.print()}>${t(l, 'print')}</button></p>
      ${
        gov
          ? html`<linli-result-notice lang=${l} .governance=${gov} motion=${paths.motionId}
              result-url=${new URL(paths.result, location.origin).href}></linli-result-notice>`
          : this.loadState(t(l, 'loading'))
      }`;
  }
}
