import {
  createGovernance,
  fixedClock,
  type Governance,
  MemoryStore,
  noHolidays,
  sequentialIds,
} from '@linli/core';
import { executeAll, openMotionCommands, stairwellCommands } from '@linli/core/testing';
import axe from 'axe-core';

/** Runs commands and fails loudly on the first rejected one. */
export async function must(gov: Governance, ...commands: unknown[]): Promise<void> {
  await executeAll(gov, commands);
}

/** A stairwell of `households` units (101, 102, 201, …), each with its own owner and one resident. */
export async function stairwell(households = 6, store = new MemoryStore()) {
  const clock = fixedClock('2026-11-29T02:00:00Z');
  const gov = await createGovernance({
    store,
    clock,
    ids: sequentialIds(),
    actor: 'organizer',
    holidays: noHolidays,
  });
  await must(gov, ...stairwellCommands({ households, area: (i) => 7500 + i * 100, residents: true }));
  return { gov, clock, store };
}

/** Opens an elevator motion under the Civil Code's major-matter rule. */
export async function elevatorMotion(gov: Governance, extra: Record<string, unknown> = {}): Promise<void> {
  await must(
    gov,
    ...openMotionCommands({
      id: 'lift',
      title: '加装电梯',
      body: '同意在1单元加装电梯。',
      kind: 'proposal',
      rule: 'civilCode278.major',
      ...extra,
    }),
  );
}

/** Mounts markup in the page and returns the first element matching `selector`, after its first render. */
export async function mount<T extends HTMLElement & { updateComplete: Promise<boolean> }>(
  markup: string,
  selector: string,
  setup: (el: T) => void = () => undefined,
): Promise<T> {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  const el = host.querySelector(selector) as T;
  setup(el);
  await el.updateComplete;
  return el;
}

/** Waits for pending renders, including a throttled live update (see LIVE_RENDER_INTERVAL). */
export async function settle(el: { updateComplete: Promise<boolean> }): Promise<void> {
  await new Promise((r) => setTimeout(r, 120));
  await el.updateComplete;
}

/** axe-core violations inside an element's shadow root (WCAG 2.2 A and AA rules). */
export async function violations(el: Element): Promise<string[]> {
  const result = await axe.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

declare module 'vitest/browser' {
  interface BrowserCommands {
    colorScheme: (scheme: 'light' | 'dark') => Promise<void>;
    /** A real mouse or touch drag between two points of the tested page (see vitest.config.ts). */
    pointerDrag: (drag: {
      pointer: 'mouse' | 'touch';
      from: { x: number; y: number };
      to: { x: number; y: number };
      steps?: number;
      release?: boolean;
    }) => Promise<void>;
    /** Lifts a mouse left pressed by `pointerDrag({ release: false })`. */
    pointerUp: () => Promise<void>;
  }
}

/** The dark page background the residents' app paints (and a dark community site might). */
export const DARK_PAGE = '#0d1117';

/**
 * Runs `body` with Chromium in dark mode (`prefers-color-scheme: dark`) on a dark page background —
 * not Storybook's themed canvas — so axe measures each element's contrast against what a reader sees;
 * then puts light mode and the page back.
 */
export async function onDarkPage<T>(body: () => Promise<T>): Promise<T> {
  const { commands } = await import('vitest/browser');
  await commands.colorScheme('dark');
  document.documentElement.style.background = DARK_PAGE;
  document.body.style.background = DARK_PAGE;
  try {
    return await body();
  } finally {
    document.documentElement.style.background = '';
    document.body.style.background = '';
    await commands.colorScheme('light');
  }
}
