import { html, type TemplateResult } from 'lit';
import { translator } from '../../shell/strings.js';
import { ScreenElement } from '../screen-element.js';

const t = translator({
  title: { 'zh-CN': '找不到这个页面', en: 'Page not found' },
  body: {
    'zh-CN': '地址可能输错了，或者这个页面已经不在了。请检查地址，或从下面的链接重新开始。',
    en: 'The address may be mistyped, or the page is no longer here. Check the address, or start again from the link below.',
  },
  home: { 'zh-CN': '回到首页', en: 'Go to the start page' },
});

/** The screen for any path the route table does not know. */
export class NotFoundScreen extends ScreenElement {
  protected override render(): TemplateResult {
    const l = this.locale;
    return html`<h1>${t(l, 'title')}</h1>
      <p>${t(l, 'body')}</p>
      <p><a href="/">${t(l, 'home')}</a></p>`;
  }
}

if (!customElements.get('linli-not-found-screen'))
  customElements.define('linli-not-found-screen', NotFoundScreen);

/** The not-found screen's title, for the document title. */
export const notFoundTitle = { 'zh-CN': t('zh-CN', 'title'), en: t('en', 'title') };
