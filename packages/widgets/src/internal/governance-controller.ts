import {
  connectLiveView,
  fetchPublishedView,
  type LiveView,
  type ReadModels,
  viewGovernance,
} from '@linli/core';
import { effect } from '@preact/signals-core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { endpointSession } from './endpoint-session.js';

type Host = ReactiveControllerHost & {
  governance: ReadModels | undefined;
  src: string;
  endpoint: string;
  token: string | undefined;
};

const sources = new Map<string, Promise<ReadModels>>();

/**
 * Loads a published view (see `publishView` in @linli/core) once per URL, however many elements on
 * the page point at it.
 */
export function loadSource(url: string): Promise<ReadModels> {
  let pending = sources.get(url);
  if (!pending) {
    pending = fetchPublishedView(url).then(viewGovernance);
    sources.set(url, pending);
    pending.catch(() => sources.delete(url));
  }
  return pending;
}

const endpoints = new Map<string, Promise<LiveView>>();

/** `localStorage`, where a page may use it (sandboxed frames and some privacy modes throw). */
const outbox = (() => {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
})();

/**
 * Connects to a community on a Linli server once per URL; every element on the page pointing at it
 * shares one live view (one event stream, one fetch per change). Unanswered commands wait in
 * `localStorage` and are sent again on the next visit.
 */
export function loadEndpoint(url: string): Promise<LiveView> {
  let pending = endpoints.get(url);
  if (!pending) {
    const live = connectLiveView(url, outbox ? { outbox } : {});
    pending = live.ready.then(() => live);
    endpoints.set(url, pending);
    pending.catch(() => {
      live.close();
      endpoints.delete(url);
    });
  }
  return pending;
}

/** The parts of a {@link LiveView} beyond its read models: its queue and how fresh it is. */
export type LiveParts = Pick<LiveView, 'pending' | 'refused' | 'staleSince' | 'connected'>;

/** `governance`'s queue and freshness when it is a live view on a server (undefined for a local one). */
export function liveParts(governance: ReadModels | undefined): LiveParts | undefined {
  return governance && 'pending' in governance && 'staleSince' in governance
    ? (governance as unknown as LiveParts)
    : undefined;
}

/** Live data re-renders at most this often (ms); a single change still renders at once. */
export const LIVE_RENDER_INTERVAL = 100;

/**
 * Re-renders the host whenever its governance's state changes — its own commands, or events from
 * other writers arriving through the store. Every read model hangs off the log head, so watching
 * `head` is enough. Changes are throttled: the first renders at once, the rest of a burst at most
 * every {@link LIVE_RENDER_INTERVAL} ms, so 10,000 ballots arriving together cost a handful of renders
 * and the page stays responsive. (TanStack lit-query's controller pattern: the effect lives between
 * connect and disconnect.)
 */
export class GovernanceController implements ReactiveController {
  private dispose: (() => void) | undefined;
  private watched: ReadModels | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending = false;
  /** How many times the governance asked for a render (for tests and benchmarks). */
  notifications = 0;
  /** True while a `src` view is being fetched. */
  loading = false;
  /** Why the `src` view could not be loaded. */
  loadError: string | undefined;
  private loadedSrc = '';

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    this.watch();
  }

  hostUpdate(): void {
    const endpoint = this.host.endpoint;
    const src = this.sourceKey();
    if (src && src !== this.loadedSrc && !this.host.governance) {
      this.loadedSrc = src;
      this.loading = true;
      this.loadError = undefined;
      (endpoint ? loadEndpoint(endpoint) : loadSource(src)).then(
        (models) => {
          this.loading = false;
          if (this.sourceKey() === src) {
            this.host.governance = models;
            this.applyToken();
          }
          this.host.requestUpdate();
        },
        (e: unknown) => {
          this.loading = false;
          this.loadError = e instanceof Error ? e.message : String(e);
          this.host.requestUpdate();
        },
      );
    }
    if (this.host.governance !== this.watched) this.watch();
    this.applyToken();
  }

  /** Which source the host asks for now (`endpoint` wins over `src`), to tell stale loads apart. */
  private sourceKey(): string {
    return this.host.endpoint ? `endpoint:${this.host.endpoint}` : this.host.src;
  }

  /**
   * A session token given to any element signs in the shared live view it reads; without one, the
   * household session the page keeps for the endpoint (`<linli-sign-in>`).
   */
  private applyToken(): void {
    const endpoint = this.host.endpoint;
    const token = this.host.token ?? (endpoint ? endpointSession(endpoint).value?.token : undefined);
    const gov = this.host.governance;
    if (token && gov && 'token' in gov && (gov as LiveView).token !== token) (gov as LiveView).token = token;
  }

  hostDisconnected(): void {
    this.dispose?.();
    this.dispose = undefined;
    this.watched = undefined;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = false;
  }

  private schedule(): void {
    if (this.timer !== undefined) {
      this.pending = true;
      return;
    }
    this.host.requestUpdate();
    const tick = () => {
      if (this.pending) {
        this.pending = false;
        this.host.requestUpdate();
        this.timer = setTimeout(tick, LIVE_RENDER_INTERVAL);
      } else this.timer = undefined;
    };
    this.timer = setTimeout(tick, LIVE_RENDER_INTERVAL);
  }

  private watch(): void {
    this.dispose?.();
    const governance = this.host.governance;
    this.watched = governance;
    if (!governance) {
      this.dispose = undefined;
      return;
    }
    let first = true;
    const live = liveParts(governance);
    const session = this.host.endpoint ? endpointSession(this.host.endpoint) : undefined;
    this.dispose = effect(() => {
      governance.head.value;
      // A sign-in anywhere on the page signs this element's live view in.
      session?.value;
      // A live view's queue and freshness change without a new head: a queued ballot, the drop.
      live?.pending.value;
      live?.refused.value;
      live?.staleSince.value;
      if (first) {
        first = false;
        return;
      }
      this.notifications++;
      this.schedule();
    });
  }
}
