import type { Governance } from '@linli/core';
import { effect } from '@preact/signals-core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & { governance: Governance | undefined };

/**
 * Re-renders the host whenever its governance's state changes — its own commands, or events from
 * other writers arriving through the store. Every read model hangs off the log head, so watching
 * `head` is enough; Lit coalesces the updates, so a burst of 10,000 ballots renders a few times, not
 * 10,000. (TanStack lit-query's controller pattern: the effect lives between connect and disconnect.)
 */
export class GovernanceController implements ReactiveController {
  private dispose: (() => void) | undefined;
  private watched: Governance | undefined;
  /** How many times the governance asked for a render (for tests and benchmarks). */
  notifications = 0;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    this.watch();
  }

  hostUpdate(): void {
    if (this.host.governance !== this.watched) this.watch();
  }

  hostDisconnected(): void {
    this.dispose?.();
    this.dispose = undefined;
    this.watched = undefined;
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
    this.dispose = effect(() => {
      governance.head.value;
      if (first) {
        first = false;
        return;
      }
      this.notifications++;
      this.host.requestUpdate();
    });
  }
}
