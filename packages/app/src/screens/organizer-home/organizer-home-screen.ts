import type { LinliError } from '@linli/core';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { Localized } from '../../shell/localized.js';
import { roleName, translator } from '../../shell/strings.js';
import { ScreenElement } from '../screen-element.js';

const t = translator({
  title: { 'zh-CN': '组织者首页', en: 'Organizer home' },
  community: { 'zh-CN': '社区：{name}（编号 {id}）', en: 'Community: {name} (id {id})' },
  you: { 'zh-CN': '您是 {name}，{role}。', en: 'You are {name}, {role}.' },
  screens: { 'zh-CN': '可以做的事', en: 'What you can do' },
  none: {
    'zh-CN': '更多管理页面（导入房屋清册、议题、资金、值日）会陆续出现在这里。',
    en: 'More screens (importing the housing register, motions, funds, duties) will appear here as they are added.',
  },
  signOutHint: {
    'zh-CN': '在公用电脑上用完，请点页面顶部的“退出登录”。',
    en: 'On a shared computer, press "Sign out" at the top of the page when you are done.',
  },
});

/** A screen the organizer home links to: its href and title (from the route table). */
export interface OrganizerLink {
  readonly href: string;
  readonly title: Localized;
}

/**
 * The signed-in organizer's home at `/c/:community/organizer`: who is signed in (a shared screen
 * must not hide whose token it holds), the community's name from its published view, and a link to
 * every organizer screen in the route table.
 */
export class OrganizerHomeScreen extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    links: { attribute: false },
    name: { state: true },
    error: { state: true },
  };

  /** The organizer screens of this community. */
  declare links: readonly OrganizerLink[];
  declare name: string | undefined;
  declare error: LinliError | undefined;

  constructor() {
    super();
    this.links = [];
    this.name = undefined;
    this.error = undefined;
  }

  private get community(): string {
    return this.context.params.community ?? '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const before = changed.get('context');
    if (changed.has('context') && before?.params.community !== this.community) void this.load();
  }

  private async load(): Promise<void> {
    const answer = await this.context.api.request<{ community?: { name?: string } }>(
      `/c/${encodeURIComponent(this.community)}/view`,
    );
    this.name = answer.ok ? (answer.value.community?.name ?? this.community) : undefined;
    this.error = answer.ok ? undefined : answer.error;
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const session = this.context.session;
    return html`<h1>${t(l, 'title')}</h1>
      ${this.error ? html`<p class="alert" role="alert">${this.error.message[l]}</p>` : nothing}
      <p>${t(l, 'community', { name: this.name ?? '…', id: this.community })}</p>
      ${
        session?.kind === 'organizer'
          ? html`<p>${t(l, 'you', { name: session.name, role: roleName(session.role, l) })}</p>`
          : nothing
      }
      <h2>${t(l, 'screens')}</h2>
      ${
        this.links.length === 0
          ? html`<p>${t(l, 'none')}</p>`
          : html`<ul class="links">
            ${this.links.map((link) => html`<li><a href=${link.href}>${link.title[l]}</a></li>`)}
          </ul>`
      }
      <p class="hint">${t(l, 'signOutHint')}</p>`;
  }
}

if (!customElements.get('linli-organizer-home-screen'))
  customElements.define('linli-organizer-home-screen', OrganizerHomeScreen);
