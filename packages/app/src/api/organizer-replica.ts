import { createGovernance, type Governance, HttpStore } from '@linli/core';

/** A community's live replica for its organizer screens, and how to let it go. */
export interface OrganizerReplica {
  /** Every read model of the community, kept current from the organizer's event stream. */
  readonly governance: Governance;
  /** Stops following the stream. */
  dispose(): void;
}

const replicas = new Map<string, Promise<OrganizerReplica>>();

/**
 * The organizer's replica of `community` on this origin: `createGovernance` over an {@link HttpStore}
 * that reads the whole log (`GET /c/:community/events`, organizer only) and follows its stream, and
 * verifies the hash chain on this device. Screens read the electorate, tallies, ballots and histories
 * from it — the core computes them, never the page — and send commands to the server
 * (`POST /c/:community/commands`); the replica hears their events back through the stream.
 *
 * One replica per community and token is shared by every screen, so moving between screens reads
 * the log once. A failed load is forgotten, so the next screen tries again.
 */
export function organizerReplica(community: string, token: string): Promise<OrganizerReplica> {
  const key = `${community}\u0000${token}`;
  let replica = replicas.get(key);
  if (!replica) {
    replica = load(community, token);
    replicas.set(key, replica);
    replica.catch(() => replicas.delete(key));
  }
  return replica;
}

async function load(community: string, token: string): Promise<OrganizerReplica> {
  const store = new HttpStore(`${location.origin}/c/${encodeURIComponent(community)}`, { token });
  const governance = await createGovernance({ store });
  return {
    governance,
    dispose() {
      governance.dispose();
      store.close();
    },
  };
}

/** Forgets every replica (sign-out, tests). */
export function disposeOrganizerReplicas(): void {
  for (const replica of replicas.values())
    void replica.then(
      (r) => r.dispose(),
      () => undefined,
    );
  replicas.clear();
}
