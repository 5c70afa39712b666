import type { Locale } from '@linli/core';
import type { ApiClient } from '../api/api-client.js';
import type { RouteParams } from './route-match.js';
import type { Session, Sessions } from './session.js';

/** What the shell hands a screen's render function. */
export interface ScreenContext {
  /** The route's `:name` segments, decoded. */
  readonly params: RouteParams;
  /** Who is signed in to the route's `:community` (undefined: nobody, or the route names none). */
  readonly session: Session | undefined;
  /** The one way to the server; it carries the route's community's token. */
  readonly api: ApiClient;
  /** The page's language. */
  readonly locale: Locale;
  /** The sign-ins of this browser (sign in, sign out). */
  readonly sessions: Sessions;
  /** Goes to another screen of the shell without a page load. */
  readonly navigate: (href: string, options?: { readonly replace?: boolean }) => void;
}
