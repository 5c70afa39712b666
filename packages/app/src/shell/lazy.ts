import { type ReadonlySignal, signal } from '@preact/signals-core';

/** Where a screen module loaded on demand stands. */
export type LazyState = 'idle' | 'loading' | 'ready' | 'failed';

/** A screen module the shell loads the first time one of its routes is drawn (a separate chunk). */
export interface LazyModule {
  /** Follows the load; the shell re-renders when it changes. */
  readonly state: ReadonlySignal<LazyState>;
  /** Starts loading unless it is loading or loaded; after a failure, tries again. */
  load(): void;
}

/**
 * A screen module behind a dynamic `import()`: vite puts it and whatever only it needs in a chunk of
 * its own beside `dist/app.js`, so the first load of the page does not carry it. Give every route of
 * the chunk the same `LazyModule`, so the chunk is fetched once.
 */
export function lazyModule(importer: () => Promise<unknown>): LazyModule {
  const state = signal<LazyState>('idle');
  return {
    state,
    load() {
      if (state.value === 'loading' || state.value === 'ready') return;
      state.value = 'loading';
      importer().then(
        () => {
          state.value = 'ready';
        },
        () => {
          state.value = 'failed';
        },
      );
    },
  };
}
