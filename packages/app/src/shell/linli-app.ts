import { effect, signal } from '@preact/signals-core';
import { html, LitElement, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ApiClient } from '../api/api-client.js';
import type { LazyModule } from './lazy.js';
import { applyPrefs } from './palette.js';
import { loadPrefs, type Prefs, saveChoice, type Theme } from './prefs.js';
import { matchRoute, type RouteParams } from './route-match.js';
import { Router } from './router.js';
import { gateTitles, notFoundRoute, type Route, routes } from './routes.js';
import type { ScreenContext } from './screen.js';
import { Sessions } from './session.js';
import { shellStyles } from './shell-styles.js';
import { householdLabel, organizerLabel, shellStrings, translator } from './strings.js';

const t = translator(shellStrings);

/** The community a request path addresses (`/c/<id>/…`), whose token it carries. */
const communityOf = (path: string): string | undefined => {
  const id = /^\/c\/([^/?#]+)/.exec(path)?.[1];
  try {
    return id === undefined ? undefined : decodeURIComponent(id);
  } catch {
    return undefined;
  }
};

/**
 * The community's default language: the page's own `<html lang>` as the server sent it (read before
 * the shell sets it to the reader's), the last fallback after the reader's choice and the browser's.
 */
const pageLanguage = (): Prefs['language'] => (document.documentElement.lang === 'en' ? 'en' : 'zh-CN');

/** The browser's languages in order (`navigator.language` where the list is empty). */
const browserLanguages = (): readonly string[] =>
  navigator.languages.length > 0 ? navigator.languages : [navigator.language];

/** Paths this page draws in place: the route table's, and any organizer path (its not-found screen). */
const drawsInPlace = (pathname: string) =>
  matchRoute(routes, pathname) !== undefined || /^\/c\/[^/]+\/organizer(?:\/|$)/.test(pathname);

/** What the shell is drawing: the route, its params, and whether a sign-in stands in front of it. */
interface Drawn {
  readonly route: Route;
  readonly params: RouteParams;
  readonly gate: 'organizer' | 'household' | undefined;
}

/**
 * `<linli-app>`: the one shell behind `/setup`, the organizer's console and the residents' app.
 * It routes on the History API (deep links, reload, back and forward, real links intercepted),
 * keeps the sign-ins, and carries the reader's language, theme and large-text choices to `<html>`
 * so that every screen and embedded widget follows. At each route change it moves focus to the
 * screen's `h1`, sets `document.title` and announces the title politely.
 */
export class LinliApp extends LitElement {
  static override styles = shellStyles;
  static override properties: PropertyDeclarations = { announcement: { state: true } };

  declare announcement: string;

  readonly prefs = signal<Prefs>(loadPrefs(localStorage, browserLanguages(), pageLanguage()));
  readonly sessions = new Sessions({ tab: sessionStorage, device: localStorage });
  readonly router = new Router(drawsInPlace);
  readonly api = new ApiClient({
    token: (path) => {
      const community = communityOf(path);
      return community === undefined ? undefined : this.sessions.token(community);
    },
  });
  readonly #systemDark = window.matchMedia('(prefers-color-scheme: dark)');
  readonly #restoring = signal<ReadonlySet<string>>(new Set());
  readonly #restored = new Set<string>();
  #drawnKey: string | undefined;
  /** The first screen's place while the reader has not left it (its lazy module arriving is no new screen). */
  #firstPlace: string | undefined;
  #stops: (() => void)[] = [];

  constructor() {
    super();
    this.announcement = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The shell is the whole page: no browser margin around it (set through the CSSOM, as the CSP asks).
    document.body.style.setProperty('margin', '0');
    const onScheme = () => this.#apply();
    this.#systemDark.addEventListener('change', onScheme);
    this.#stops.push(
      () => this.#systemDark.removeEventListener('change', onScheme),
      this.router.connect(this.renderRoot),
      effect(() => {
        // Reading the signals subscribes: any change re-renders.
        void this.router.place.value;
        void this.sessions.who.value;
        void this.#restoring.value;
        // A lazy screen's module arriving (or failing) redraws it.
        void this.#drawn().route.module?.state.value;
        this.#apply();
        this.requestUpdate();
      }),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.#stops.splice(0)) stop();
  }

  #apply(): void {
    applyPrefs(document.documentElement, this.prefs.value, this.#systemDark.matches);
  }

  #setPrefs(change: Partial<Prefs>): void {
    this.prefs.value = { ...this.prefs.value, ...change };
    saveChoice(localStorage, change);
    this.#apply();
    this.requestUpdate();
  }

  /** Asks the server once per page load who this browser's token for `community` belongs to. */
  #restore(community: string): void {
    if (this.#restored.has(community)) return;
    this.#restored.add(community);
    this.#restoring.value = new Set([...this.#restoring.value, community]);
    void this.sessions.restore(community, this.api).finally(() => {
      const still = new Set(this.#restoring.value);
      still.delete(community);
      this.#restoring.value = still;
    });
  }

  #drawn(): Drawn {
    const matched = matchRoute(routes, this.router.place.value.pathname);
    const { route, params } = matched ?? { route: notFoundRoute, params: {} };
    const community = params.community;
    const session = community === undefined ? undefined : this.sessions.who.value[community];
    const gate = route.audience !== 'anyone' && session?.kind !== route.audience ? route.audience : undefined;
    return { route, params, gate };
  }

  #context(params: RouteParams): ScreenContext {
    const community = params.community;
    return {
      params,
      session: community === undefined ? undefined : this.sessions.who.value[community],
      api: this.api,
      locale: this.prefs.value.language,
      sessions: this.sessions,
      navigate: (href, options) => this.router.navigate(href, options ?? {}),
    };
  }

  protected override willUpdate(): void {
    const community = this.#drawn().params.community;
    if (community !== undefined) this.#restore(community);
  }

  #screen({ route, params, gate }: Drawn): TemplateResult {
    const community = params.community;
    const context = this.#context(params);
    if (gate && community !== undefined && this.#restoring.value.has(community))
      return html`<p role="status">${t(context.locale, 'loading')}</p>`;
    if (gate) return html`<linli-sign-in-screen .context=${context} only=${gate}></linli-sign-in-screen>`;
    const module = route.module;
    if (module && module.state.value !== 'ready') return this.#loadingScreen(module, context.locale);
    return route.render(context);
  }

  /** A lazy screen whose module has not arrived: its title, "loading…", or the failure and a retry. */
  #loadingScreen(module: LazyModule, locale: Prefs['language']): TemplateResult {
    if (module.state.value === 'idle') queueMicrotask(() => module.load());
    const failed = module.state.value === 'failed';
    return html`<section class="lazy">
      ${
        failed
          ? html`<p role="alert">${t(locale, 'loadFailed')}</p>
            <button type="button" @click=${() => module.load()}>${t(locale, 'retry')}</button>`
          : html`<p role="status">${t(locale, 'loading')}</p>`
      }
    </section>`;
  }

  #header(params: RouteParams): TemplateResult {
    const { language, theme, largeText } = this.prefs.value;
    const other = language === 'zh-CN' ? { lang: 'en', label: 'English' } : { lang: 'zh-CN', label: '中文' };
    const community = params.community;
    const session = community === undefined ? undefined : this.sessions.who.value[community];
    const who =
      session?.kind === 'organizer'
        ? organizerLabel(session, language)
        : session
          ? householdLabel(session, language)
          : undefined;
    return html`<header>
      <span class="site" lang="zh-CN">邻里 <span lang="en">Linli</span></span>
      <nav class="switches" aria-label=${t(language, 'settings')}>
        <button type="button" lang=${other.lang} @click=${() => this.#setPrefs({ language: other.lang as Prefs['language'] })}>
          ${other.label}
        </button>
        <label>
          ${t(language, 'theme')}
          <select @change=${(e: Event) => this.#setPrefs({ theme: (e.target as HTMLSelectElement).value as Theme })}>
            ${(['system', 'light', 'dark'] as const).map(
              (value) =>
                html`<option value=${value} ?selected=${theme === value}>
                  ${t(language, value === 'system' ? 'themeSystem' : value === 'light' ? 'themeLight' : 'themeDark')}
                </option>`,
            )}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            .checked=${largeText}
            @change=${(e: Event) => this.#setPrefs({ largeText: (e.target as HTMLInputElement).checked })}
          />${t(language, 'largeText')}
        </label>
      </nav>
      ${
        who && community !== undefined
          ? html`<p class="who">
            <span>${t(language, 'signedInAs', { who })}</span>
            ${
              session?.kind === 'household'
                ? // A household signs out on its devices screen, which warns before the last device goes.
                  html`<a class="button" href="/c/${encodeURIComponent(community)}/devices">${t(language, 'devices')}</a>`
                : html`<button type="button" @click=${() => void this.sessions.signOut(community, this.api)}>
                    ${t(language, 'signOut')}
                  </button>`
            }
          </p>`
          : nothing
      }
    </header>`;
  }

  protected override render(): TemplateResult {
    const drawn = this.#drawn();
    const { language } = this.prefs.value;
    return html`<a class="skip" href="#main" @click=${this.#skip}>${t(language, 'skip')}</a>
      ${this.#header(drawn.params)}
      <main id="main" tabindex="-1">${this.#screen(drawn)}</main>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  protected override async updated(): Promise<void> {
    const drawn = this.#drawn();
    const { language } = this.prefs.value;
    const heading = (drawn.gate ? gateTitles[drawn.gate] : drawn.route.title)[language];
    document.title = `${heading} · ${t(language, 'titleSuffix')}`;
    // A lazy screen that arrives is a new screen to focus and announce — unless it is the page's first
    // screen, which a page load leaves unfocused, lazy or not (the skip link is the first Tab stop).
    const place = `${this.router.place.value.pathname}|${drawn.gate ?? ''}`;
    const key = `${place}|${drawn.route.module?.state.value === 'ready' ? 'ready' : ''}`;
    if (key === this.#drawnKey) return;
    const first = this.#drawnKey === undefined;
    this.#drawnKey = key;
    if (first) this.#firstPlace = place;
    else if (place !== this.#firstPlace) this.#firstPlace = undefined;
    if (!first && this.#firstPlace === undefined) {
      this.announcement = heading;
      await this.#focusHeading();
    }
  }

  #skip = (event: Event) => {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  };

  /** Focus to the new screen's `h1` (inside its shadow root), so a screen reader starts there. */
  async #focusHeading(): Promise<void> {
    const screen = this.renderRoot.querySelector('main')?.firstElementChild;
    // Duck-typed: a lazy screen is built with its own copy of Lit, so `instanceof LitElement` fails.
    if (!(screen && 'updateComplete' in screen)) return;
    await (screen as LitElement).updateComplete;
    const h1 = screen.shadowRoot?.querySelector('h1');
    if (!h1) return;
    h1.tabIndex = -1;
    h1.focus();
  }
}

if (!customElements.get('linli-app')) customElements.define('linli-app', LinliApp);
