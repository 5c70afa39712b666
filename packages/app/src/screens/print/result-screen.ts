import '@linli/widgets/define/linli-result-notice.js';
import { html, type TemplateResult } from 'lit';
import { ScreenElement } from '../screen-element.js';
import { t } from './print.strings.js';
import { motionPaths } from './print-paths.js';

/**
 * The public result page at `/c/:community/motions/:motion/result`, which the printed notice's QR code
 * opens: the same notice, read-only, from the community's published view (`GET /c/:community/view`).
 * The published view is open to everyone and already holds only what may be shown (a secret motion's
 * totals that cannot name a voter, no secret roll), so this page needs no sign-in.
 */
export class ResultScreen extends ScreenElement {
  protected override render(): TemplateResult {
    const l = this.locale;
    const community = encodeURIComponent(this.context.params.community ?? '');
    const paths = motionPaths(this.context.params);
    return html`<h1 id="title" tabindex="-1">${t(l, 'resultTitle')}</h1>
      <linli-result-notice lang=${l} src=${`/c/${community}/view`} motion=${paths.motionId}></linli-result-notice>`;
  }
}
