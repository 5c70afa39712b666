import { signal } from '@preact/signals-core';

/** Where the page is: the parts of the URL a screen may read. */
export interface Place {
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}

const placeOf = (location: Pick<Location, 'pathname' | 'search' | 'hash'>): Place => ({
  pathname: location.pathname,
  search: location.search,
  hash: location.hash,
});

/**
 * The History API as a signal: `place` follows in-app navigation, back and forward. Reload or open
 * any URL and the page starts at it. `handles` says which paths this page draws itself; a link to any
 * other path (the demo pages, the API) is an ordinary page load.
 */
export class Router {
  readonly place = signal<Place>(placeOf(window.location));

  constructor(private readonly handles: (pathname: string) => boolean) {}

  /** Starts following back/forward and intercepting same-page links inside `root` (shadow roots too). */
  connect(root: EventTarget): () => void {
    const onPop = () => {
      this.place.value = placeOf(window.location);
    };
    const onClick = (event: Event) => this.#follow(event as MouseEvent);
    window.addEventListener('popstate', onPop);
    root.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('popstate', onPop);
      root.removeEventListener('click', onClick);
    };
  }

  /** Goes to `href` (same origin) without a page load; `replace` rewrites the current entry instead. */
  navigate(href: string, options: { readonly replace?: boolean } = {}): void {
    const url = new URL(href, window.location.href);
    if (options.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    this.place.value = placeOf(url);
  }

  /** Drops the fragment from the address bar (a secret in it must not stay in history). */
  forgetHash(): void {
    const { pathname, search } = window.location;
    window.history.replaceState(null, '', `${pathname}${search}`);
    this.place.value = placeOf(window.location);
  }

  /** A plain left click on a real `<a href>` to a path this page draws: navigate in place. */
  #follow(event: MouseEvent): void {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = event
      .composedPath()
      .find(
        (target): target is HTMLAnchorElement =>
          target instanceof HTMLAnchorElement && target.hasAttribute('href'),
      );
    if (!anchor || (anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin || !this.handles(url.pathname)) return;
    // A link within this page (`#…`) is the browser's to follow.
    if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash)
      return;
    event.preventDefault();
    this.navigate(url.href);
  }
}
