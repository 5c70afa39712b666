import '@linli/widgets/define/linli-live-status.js';
import type { Locale } from '@linli/core';
import { html, type TemplateResult } from 'lit';
import type { ScreenContext } from '../shell/screen.js';

/**
 * `<linli-live-status>` for a residents' screen, at its top: it follows the community's live view with
 * the screen's token and says when what is shown is not live ("显示的是 3 分钟前的数据") and when a
 * ballot made offline waits to be sent — so a stale view says so on every screen that reads live data.
 */
export const residentLiveStatus = (context: ScreenContext, locale: Locale): TemplateResult => {
  const community = context.params.community ?? '';
  return html`<linli-live-status
    lang=${locale}
    endpoint=${`/c/${encodeURIComponent(community)}`}
    .token=${context.sessions.token(community)}
  ></linli-live-status>`;
};
