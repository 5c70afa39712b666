import type { Duty, Swap } from './duty.js';

/**
 * Who a swap waits for, or how it ended: `acceptance` (the second household), `approval` (the
 * building head, only where the duty requires it), `inEffect` (the two turns are traded), or
 * `declined` / `withdrawn` (no effect).
 */
export type SwapStage = 'acceptance' | 'approval' | 'inEffect' | 'declined' | 'withdrawn';

/** The stage of `swap` on `duty`: its status read with the duty's approval rule. */
export function swapStage(duty: Pick<Duty, 'swapNeedsApproval'>, swap: Pick<Swap, 'status'>): SwapStage {
  switch (swap.status) {
    case 'proposed':
      return 'acceptance';
    case 'agreed':
      return duty.swapNeedsApproval ? 'approval' : 'inEffect';
    case 'approved':
      return 'inEffect';
    default:
      return swap.status;
  }
}

/** Whether `swap` trades the turns on the roster now. */
export const swapInEffect = (duty: Pick<Duty, 'swapNeedsApproval'>, swap: Pick<Swap, 'status'>): boolean =>
  swapStage(duty, swap) === 'inEffect';

/** A duty's swap with its stage. */
export interface SwapWithStage extends Swap {
  readonly stage: SwapStage;
}

/** The swaps of `duty` still waiting for acceptance or approval, in the order they were proposed. */
export function pendingSwaps(duty: Duty): SwapWithStage[] {
  return duty.swaps
    .map((swap) => ({ ...swap, stage: swapStage(duty, swap) }))
    .filter((swap) => swap.stage === 'acceptance' || swap.stage === 'approval');
}
