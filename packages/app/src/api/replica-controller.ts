import { type Governance, type LinliError, LinliException, linliError } from '@linli/core';
import { effect } from '@preact/signals-core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type OrganizerReplica, organizerReplica } from './organizer-replica.js';

/** Where a screen's replica stands: loading, ready, or refused with the typed error. */
export type ReplicaStatus =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly governance: Governance }
  | { readonly kind: 'failed'; readonly error: LinliError };

/**
 * Gives an organizer screen the community's shared {@link organizerReplica} and re-renders it whenever
 * the replica's state changes (a new event from the stream, a command's own events). `watch` names the
 * community and token; a change of either switches replicas. `retry` loads again after a failure.
 */
export class ReplicaController implements ReactiveController {
  status: ReplicaStatus = { kind: 'loading' };
  #key: string | undefined;
  #stop: (() => void) | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Follows `community`'s replica with `token` (an organizer's), loading it once per pair. */
  watch(community: string, token: string | undefined): void {
    const key = `${community}\u0000${token ?? ''}`;
    if (key === this.#key) return;
    this.#key = key;
    this.#load(community, token);
  }

  /** Loads the replica again (after `failed`). */
  retry(community: string, token: string | undefined): void {
    this.#key = undefined;
    this.watch(community, token);
  }

  #load(community: string, token: string | undefined): void {
    this.#stop?.();
    this.#stop = undefined;
    this.#set({ kind: 'loading' });
    if (token === undefined) {
      this.#set({ kind: 'failed', error: linliError('auth.required') });
      return;
    }
    const key = this.#key;
    organizerReplica(community, token).then(
      (replica) => {
        if (key === this.#key) this.#follow(replica);
      },
      (reason: unknown) => {
        if (key !== this.#key) return;
        const error = reason instanceof LinliException ? reason.error : linliError('http.unreachable');
        this.#set({ kind: 'failed', error });
      },
    );
  }

  #follow(replica: OrganizerReplica): void {
    const { governance } = replica;
    this.#stop = effect(() => {
      // Reading the head subscribes: every folded event re-renders the screen.
      void governance.head.value;
      this.#set({ kind: 'ready', governance });
    });
  }

  #set(status: ReplicaStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#stop?.();
    this.#stop = undefined;
    this.#key = undefined;
  }
}
