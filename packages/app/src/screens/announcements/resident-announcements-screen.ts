import '@linli/widgets/define/linli-announcements.js';
import '@linli/widgets/define/linli-live-status.js';
import { html, type TemplateResult } from 'lit';
import { ScreenElement } from '../screen-element.js';
import { t } from './announcements.strings.js';

/**
 * A household's notices at `/c/:community/announcements`: `<linli-announcements>` live from the
 * server with the household's session, for its own building (the element finds it from the unit), so
 * opening a notice marks it read for that household — the server lets a household mark only its own.
 * `<linli-live-status>` above it says when the notices shown are not live ("显示的是 3 分钟前的数据").
 */
export class ResidentAnnouncementsScreen extends ScreenElement {
  protected override render(): TemplateResult {
    const l = this.locale;
    const community = this.context.params.community ?? '';
    const session = this.context.session;
    const unit = session?.kind === 'household' ? session.unitId : '';
    return html`<h1 id="title" tabindex="-1">${t(l, 'residentTitle')}</h1>
      <p class="hint">${t(l, 'residentHint')}</p>
      <linli-live-status lang=${l} endpoint=${`/c/${encodeURIComponent(community)}`}></linli-live-status>
      <linli-announcements
        lang=${l}
        endpoint=${`/c/${encodeURIComponent(community)}`}
        .token=${this.context.sessions.token(community)}
        unit=${unit}
      ></linli-announcements>`;
  }
}

if (!customElements.get('linli-resident-announcements-screen'))
  customElements.define('linli-resident-announcements-screen', ResidentAnnouncementsScreen);
