import type { Governance } from '@linli/core';
import { openMotionCommands, type SeedIds, seededGovernance } from '@linli/core/seed';

/** A governance holding the seed scenario (新福康里), with its clock on 2026-11-29 and movable. */
export async function seeded(now = '2026-11-29T02:00:00Z') {
  const { governance, ids, clock } = await seededGovernance({ now });
  return { gov: governance, ids, clock };
}

/** The loaded seed as stories receive it. */
export interface Seed {
  readonly gov: Governance;
  readonly ids: SeedIds;
}

/** Runs commands on a story's governance, failing loudly. */
export async function apply(gov: Governance, ...commands: unknown[]): Promise<void> {
  for (const command of commands) {
    const result = await gov.execute(command);
    if (!result.ok) throw new Error(`story setup: ${result.error.message.en}`);
  }
}

/** A story loader: the seed scenario with `commands` run after it. */
export const seededWith =
  (...commands: unknown[]) =>
  async (): Promise<{ seed: Seed }> => {
    const seed = await seeded();
    await apply(seed.gov, ...commands);
    return { seed };
  };

/**
 * Drafts and opens a motion of Building 96's stairwell s1 that closes on 20 December — the start most
 * vote stories share; `draft` gives its id, title, kind and anything else that differs.
 */
export const openMotion = openMotionCommands;

/** Waits for an element's pending (and throttled live) renders. */
export async function settled(el: Element | null): Promise<void> {
  await new Promise((r) => setTimeout(r, 150));
  await (el as unknown as { updateComplete?: Promise<boolean> } | null)?.updateComplete;
}
