import type { Governance, LinliError } from '@linli/core';
import { linliError } from '@linli/core';
import { effect } from '@preact/signals-core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { organizerReplica } from '../../api/organizer-replica.js';

/**
 * Gives an organizer screen the community's live replica (`organizerReplica`) and re-renders it at
 * every event the replica hears (its log head moves), so tallies, ballots and proxies shown are the
 * core's current answer. `governance` is undefined while loading; `error` says why it failed.
 */
export class ReplicaController implements ReactiveController {
  governance: Governance | undefined;
  error: LinliError | undefined;
  #key = '';
  #stop: (() => void) | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Follows `community` with `token` (again only when either changed). */
  follow(community: string, token: string | undefined): void {
    const key = `${community}\u0000${token ?? ''}`;
    if (key === this.#key) return;
    this.#key = key;
    this.#unsubscribe();
    this.governance = undefined;
    if (!token) {
      this.error = linliError('auth.required');
      return;
    }
    organizerReplica(community, token).then(
      (replica) => {
        if (this.#key !== key) return;
        this.governance = replica.governance;
        this.error = undefined;
        this.#stop = effect(() => {
          void replica.governance.head.value;
          this.host.requestUpdate();
        });
      },
      () => {
        if (this.#key !== key) return;
        this.error = linliError('http.unreachable');
        this.host.requestUpdate();
      },
    );
  }

  hostDisconnected(): void {
    this.#unsubscribe();
    this.#key = '';
  }

  #unsubscribe(): void {
    this.#stop?.();
    this.#stop = undefined;
  }
}

/**
 * Moves focus to the screen's `h1` the first time it is drawn while nothing has focus: this screen
 * arrives in a lazy module after the shell's own move to the heading found nothing to focus.
 */
export function focusHeadingOnArrival(screen: HTMLElement & { renderRoot: ParentNode }): void {
  if (arrived.has(screen)) return;
  const h1 = screen.renderRoot.querySelector<HTMLElement>('h1');
  if (!h1) return;
  arrived.add(screen);
  if (document.activeElement === document.body || document.activeElement === null) h1.focus();
}
const arrived = new WeakSet<HTMLElement>();
