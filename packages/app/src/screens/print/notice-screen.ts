import '@linli/widgets/define/linli-result-notice.js';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { focusHeadingOnArrival, ReplicaController } from '../motion/replica-controller.js';
import { ScreenElement } from '../screen-element.js';
import { t } from './print.strings.js';
import { motionPaths } from './print-paths.js';

/**
 * The 公示 of one motion at `/c/:community/organizer/motions/:motion/notice`: the result notice element
 * on the organizer's live replica, with a print button (the browser's print, or save as PDF; the
 * shell's header and every button stay off the paper). Its QR code links to the public result page.
 */
export class NoticeScreen extends ScreenElement {
  readonly #replica = new ReplicaController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    const community = this.context.params.community ?? '';
    if (changed.has('context')) this.#replica.follow(community, this.context.sessions.token(community));
  }

  protected override updated(): void {
    focusHeadingOnArrival(this);
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const paths = motionPaths(this.context.params);
    const gov = this.#replica.governance;
    const error = this.#replica.error;
    return html`<h1 id="title" tabindex="-1" class="no-print">${t(l, 'noticeTitle')}</h1>
      <p class="no-print"><a href=${paths.motion}>${t(l, 'back')}</a></p>
      <p class="no-print hint">${t(l, 'printHint')}</p>
      <p class="no-print"><button type="button" @click=${() => window.print()}>${t(l, 'print')}</button></p>
      ${
        gov
          ? html`<linli-result-notice lang=${l} .governance=${gov} motion=${paths.motionId}
              result-url=${new URL(paths.result, location.origin).href}></linli-result-notice>`
          : error
            ? html`<p class="alert" role="alert">${error.message[l]}</p>`
            : html`<p role="status">${t(l, 'loading')}</p>`
      }`;
  }
}
