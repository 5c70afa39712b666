import { type Clock, type DueWork, dueWork, type Governance } from '@linli/core';
import type { DueWorkTable } from './due-work-table.js';

/** What a record writes: the due keys and the next due instant (the rest follows from the keys). */
const signature = (work: DueWork) => JSON.stringify([work.items.map((item) => item.key), work.next]);

/** Writes what is due in a community now, and when to look again, into the due-work table. */
export async function recordDueWork(
  table: DueWorkTable,
  community: string,
  governance: Governance,
  clock: Clock,
): Promise<void> {
  await table.record(
    community,
    governance.read((state) => dueWork(state, clock.now())),
  );
}

/**
 * Keeps the table current for a community held in memory: records its due work again after every
 * change to its log, from whichever process (the caller records it once when it opens the
 * community). Changes that arrive together are recorded once, and a change that leaves the due work
 * as it was (a ballot, a payment) writes nothing, so a busy community does not write for each vote.
 * A failure goes to `onError` and the next change tries again. Returns the function that stops
 * watching, resolved once a record under way has finished.
 */
export function watchDueWork(
  table: DueWorkTable,
  community: string,
  governance: Governance,
  clock: Clock,
  onError: (error: unknown) => void,
): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  let pending = false;
  let first = true;
  let last = signature(governance.read((state) => dueWork(state, clock.now())));
  const record = () => {
    // A signal calls its subscriber at once with the current head: the opener recorded that one.
    if (first || pending) {
      first = false;
      return;
    }
    pending = true;
    running = running.then(async () => {
      pending = false;
      const work = governance.read((state) => dueWork(state, clock.now()));
      if (signature(work) === last) return;
      try {
        await table.record(community, work);
        last = signature(work);
      } catch (e) {
        onError(e);
      }
    });
  };
  const unsubscribe = governance.head.subscribe(record);
  return async () => {
    unsubscribe();
    await running;
  };
}
