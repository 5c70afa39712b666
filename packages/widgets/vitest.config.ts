import { defineConfig } from 'vitest/config';
import type { BrowserCommand } from 'vitest/node';
import { browserDeps, chromiumBrowser } from '../../scripts/browser.ts';

/** Switches Chromium's `prefers-color-scheme` for the page under test (see `onDarkPage` in test/fixtures.ts). */
const colorScheme: BrowserCommand<['light' | 'dark']> = async (context, scheme) => {
  if (context.provider.name !== 'playwright') throw new Error('colorScheme needs the playwright provider');
  await (
    context as unknown as { page: { emulateMedia(o: { colorScheme: string }): Promise<void> } }
  ).page.emulateMedia({
    colorScheme: scheme,
  });
};

/** A point in the tested page's own coordinates (CSS pixels of the iframe the tests run in). */
interface Point {
  readonly x: number;
  readonly y: number;
}

/** What {@link pointerDrag} does: press at `from`, move in `steps` to `to`, then lift unless `release` is false. */
interface Drag {
  readonly pointer: 'mouse' | 'touch';
  readonly from: Point;
  readonly to: Point;
  readonly steps?: number;
  readonly release?: boolean;
}

/** The bits of Playwright's page and frame the drag uses (the provider's types are not a dependency here). */
interface PlaywrightContext {
  page: {
    mouse: {
      move(x: number, y: number): Promise<void>;
      down(): Promise<void>;
      up(): Promise<void>;
    };
    context(): {
      newCDPSession(page: unknown): Promise<{ send(method: string, params: unknown): Promise<unknown> }>;
    };
  };
  frame(): Promise<{
    frameElement(): Promise<{ boundingBox(): Promise<{ x: number; y: number; width: number } | null> }>;
    evaluate<T>(f: () => T): Promise<T>;
  }>;
}

/**
 * A real pointer drag through Chromium's input pipeline — the mouse, or a finger via the DevTools
 * protocol's touch events — so an element sees the pointer events (pointerType `mouse` or `touch`) a
 * phone's browser sends. `pointerUp` lifts a mouse left pressed by `release: false`.
 */
const pointerDrag: BrowserCommand<[Drag]> = async (context, drag) => {
  if (context.provider.name !== 'playwright') throw new Error('pointerDrag needs the playwright provider');
  const { page, frame } = context as unknown as PlaywrightContext;
  const tested = await frame();
  const box = await (await tested.frameElement()).boundingBox();
  if (!box) throw new Error('the tested page has no box');
  const scale = box.width / (await tested.evaluate(() => window.innerWidth));
  const at = (p: Point) => ({ x: box.x + p.x * scale, y: box.y + p.y * scale });
  const steps = drag.steps ?? 8;
  const path = Array.from({ length: steps }, (_, i) => {
    const k = (i + 1) / steps;
    return at({
      x: drag.from.x + (drag.to.x - drag.from.x) * k,
      y: drag.from.y + (drag.to.y - drag.from.y) * k,
    });
  });
  const start = at(drag.from);
  if (drag.pointer === 'mouse') {
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (const p of path) await page.mouse.move(p.x, p.y);
    if (drag.release !== false) await page.mouse.up();
    return;
  }
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: string, p?: { x: number; y: number }) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [{ x: p.x, y: p.y, id: 1 }] : [] });
  await touch('touchStart', start);
  for (const p of path) await touch('touchMove', p);
  await touch('touchEnd');
};

const pointerUp: BrowserCommand<[]> = async (context) => {
  await (context as unknown as PlaywrightContext).page.mouse.up();
};

export default defineConfig({
  optimizeDeps: { include: browserDeps },
  test: {
    name: 'widgets (chromium)',
    include: ['src/**/*.test.ts'],
    browser: { ...chromiumBrowser, commands: { colorScheme, pointerDrag, pointerUp } },
  },
});
