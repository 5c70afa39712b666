import { type Locale, resolveLocale } from '@linli/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Tracks the locale an element should speak: its own `lang`, else the nearest ancestor's, else the
 * document's. Re-renders the host whenever any of those changes, so a page-level language switch
 * reaches every widget without wiring.
 */
export class LocaleController implements ReactiveController {
  private readonly host: Host;
  private observer: MutationObserver | undefined;

  constructor(host: Host) {
    this.host = host;
    host.addController(this);
  }

  /** The locale resolved right now. */
  get locale(): Locale {
    const tagged = this.host.closest('[lang]');
    return resolveLocale(tagged?.getAttribute('lang') ?? document.documentElement.lang);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.host.requestUpdate());
    // Any lang change in the document (the host's, an ancestor's, the page's) may change our locale;
    // the host is observed on its own too in case it lives inside another shadow root.
    const options = { attributes: true, attributeFilter: ['lang'], subtree: true };
    this.observer.observe(document.documentElement, options);
    this.observer.observe(this.host, options);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
