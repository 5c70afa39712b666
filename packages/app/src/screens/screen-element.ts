import type { LinliError, Locale } from '@linli/core';
import { type CSSResultGroup, LitElement, type PropertyDeclarations } from 'lit';
import type { ScreenContext } from '../shell/screen.js';
import { screenStyles } from '../shell/screen-styles.js';

/**
 * What every screen element shares: the shell's {@link ScreenContext} (a new one at each change of
 * route, sign-in or language, which re-renders it) and the screens' styles. A screen renders its `h1`
 * from the first render on: the shell moves focus to it at each route change.
 */
export abstract class ScreenElement extends LitElement {
  static override properties: PropertyDeclarations = { context: { attribute: false } };
  static override styles: CSSResultGroup = screenStyles;

  declare context: ScreenContext;

  /** The page's language. */
  protected get locale(): Locale {
    return this.context.locale;
  }
}

/** Whether a typed error is about the input at `path` (or inside it): shown beside that field. */
export const isAbout = (error: LinliError | undefined, path: readonly (string | number)[]): boolean =>
  error !== undefined &&
  path.every((segment, i) => error.path[i] === segment) &&
  error.path.length >= path.length;
