import type { LoggedEvent } from '../log/event.js';
import { applyEvent, type GovernanceState } from './state.js';

/**
 * How folding committed events went: all linked (`folded`, with how many were new), an event missing
 * before the next one (`gap`: read the store), or an event that contradicts the state (`diverged`:
 * the state is not a prefix of the log any more, rebuild it).
 */
export type FoldOutcome =
  | { readonly kind: 'folded'; readonly applied: number }
  | { readonly kind: 'gap'; readonly applied: number }
  | { readonly kind: 'diverged'; readonly applied: number };

/**
 * Folds committed events into `state` in seq order, whatever order and repetitions they came in:
 * events the state already has are skipped (the one at its head must carry its hash), and folding
 * stops, without throwing, at the first event that is missing or does not link to the head.
 */
export function foldCommitted(state: GovernanceState, events: readonly LoggedEvent[]): FoldOutcome {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  let applied = 0;
  for (const event of ordered) {
    const { head } = state;
    if (event.seq < head.seq) continue;
    if (event.seq === head.seq) {
      if (event.hash !== head.hash) return { kind: 'diverged', applied };
      continue;
    }
    if (event.seq > head.seq + 1) return { kind: 'gap', applied };
    if (event.prevHash !== head.hash) return { kind: 'diverged', applied };
    applyEvent(state, event);
    applied += 1;
  }
  return { kind: 'folded', applied };
}
