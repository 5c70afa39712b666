import type { LinliError } from '@linli/core';
import { css, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { screenStyles } from '../../shell/screen-styles.js';
import { translator } from '../../shell/strings.js';
import { ScreenElement } from '../screen-element.js';

const t = translator({
  title: { 'zh-CN': '本服务器上的社区', en: 'Communities on this server' },
  intro: {
    'zh-CN': '选择您的社区。住户用纸质通知上的邀请码登录；组织者用自己的组织者令牌登录。',
    en: 'Choose your community. Households sign in with the invite code on their paper notice; organizers with their organizer token.',
  },
  loading: { 'zh-CN': '正在读取……', en: 'Loading…' },
  none: {
    'zh-CN':
      '这台服务器上还没有社区。运行服务器的人启动 linli-server 时会看到一个一次性的设置链接（/setup），用它建立第一个社区。',
    en: 'This server has no community yet. Whoever runs it sees a one-time setup link (/setup) when linli-server starts, and creates the first community with it.',
  },
  signIn: { 'zh-CN': '住户登录', en: 'Household sign-in' },
  organizer: { 'zh-CN': '组织者', en: 'Organizers' },
});

/** A community as `GET /communities` lists it. */
interface ListedCommunity {
  readonly id: string;
  readonly name: string;
}

/**
 * The start page of a server that hosts real communities (`/`): each community with its way in for
 * households and for organizers. The list is the server's public `GET /communities` (names only).
 */
export class CommunitiesScreen extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    communities: { state: true },
    error: { state: true },
  };
  static override styles = [
    screenStyles,
    css`
      ul.communities {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 1em;
      }
      ul.communities li {
        border: 1px solid var(--linli-color-border);
        border-radius: 6px;
        padding: 0.5em 1em;
      }
      ul.communities h2 {
        margin: 0.25em 0;
      }
      p.links {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 1.5em;
        margin: 0;
      }
      p.links a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
      }
    `,
  ];

  declare communities: readonly ListedCommunity[] | undefined;
  declare error: LinliError | undefined;

  constructor() {
    super();
    this.communities = undefined;
    this.error = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('context') && changed.get('context') === undefined) void this.load();
  }

  private async load(): Promise<void> {
    const answer = await this.context.api.request<readonly ListedCommunity[]>('/communities');
    this.communities = answer.ok ? answer.value : undefined;
    this.error = answer.ok ? undefined : answer.error;
  }

  private renderList(communities: readonly ListedCommunity[]): TemplateResult {
    const l = this.locale;
    if (communities.length === 0) return html`<p>${t(l, 'none')}</p>`;
    return html`<ul class="communities">
      ${communities.map((c) => {
        const base = `/c/${encodeURIComponent(c.id)}`;
        return html`<li>
          <h2>${c.name}</h2>
          <p class="links">
            <a href="${base}/sign-in">${t(l, 'signIn')}</a>
            <a href="${base}/organizer">${t(l, 'organizer')}</a>
          </p>
        </li>`;
      })}
    </ul>`;
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    return html`<h1>${t(l, 'title')}</h1>
      <p>${t(l, 'intro')}</p>
      ${this.error ? html`<p class="alert" role="alert">${this.error.message[l]}</p>` : nothing}
      ${
        this.communities === undefined
          ? this.error
            ? nothing
            : html`<p role="status">${t(l, 'loading')}</p>`
          : this.renderList(this.communities)
      }`;
  }
}

if (!customElements.get('linli-communities-screen'))
  customElements.define('linli-communities-screen', CommunitiesScreen);
