import type { LinliError } from '@linli/core';
import { type Signal, signal } from '@preact/signals-core';

/** A household's sign-in to one community on a Linli server: what `POST <endpoint>/sessions` answers. */
export interface EndpointSession {
  /** The session token that commands and signed-in reads carry (`Authorization: Bearer …`). */
  readonly token: string;
  /** The household's unit id (`u102`). */
  readonly household: string;
}

/** What {@link signInAt} answers: the session, or why not (the server's typed refusal, or `undefined` when unreachable). */
export type SignInAnswer =
  | { readonly ok: true; readonly session: EndpointSession }
  | { readonly ok: false; readonly error: LinliError | undefined };

/**
 * Where a household's session for `endpoint` is kept in this origin's `localStorage`: the key the
 * residents' app (`@linli/app`, endpoint `/c/<id>`) and the demo pages use too, so one sign-in on the
 * server's own pages is one sign-in for its elements, and a page on another site keeps its own.
 */
export const sessionKey = (endpoint: string): string => `linli-session:${endpoint}`;

/** `localStorage`, where a page may use it (sandboxed frames and some privacy modes throw). */
function device(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

const isSession = (v: unknown): v is EndpointSession =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { token?: unknown }).token === 'string' &&
  typeof (v as { household?: unknown }).household === 'string';

const isError = (v: unknown): v is LinliError =>
  typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'string' && 'message' in v;

function saved(endpoint: string): EndpointSession | undefined {
  try {
    const parsed: unknown = JSON.parse(device()?.getItem(sessionKey(endpoint)) ?? 'null');
    return isSession(parsed) ? { token: parsed.token, household: parsed.household } : undefined;
  } catch {
    return undefined;
  }
}

const sessions = new Map<string, Signal<EndpointSession | undefined>>();

/**
 * The page-wide event a sign-in or a forgotten session announces, so that every copy of this module
 * on the page (the residents' app's first load and its lazy residents' module are separate builds;
 * a site may load the CDN bundle beside its own) follows it: `localStorage` fires no `storage` event
 * in the document that wrote it. `detail` names the endpoint and the copy that wrote it.
 */
const CHANGED = 'linli-session-changed';
const thisCopy = {};
let listening = false;

function announce(endpoint: string): void {
  globalThis.dispatchEvent?.(new CustomEvent(CHANGED, { detail: { endpoint, from: thisCopy } }));
}

/** Another copy signed in or forgot: re-read what it kept (its own copy's signal is already right). */
function follow(event: Event): void {
  const detail = (event as CustomEvent<{ endpoint?: unknown; from?: unknown } | null>).detail;
  if (!detail || detail.from === thisCopy || typeof detail.endpoint !== 'string') return;
  const session = sessions.get(detail.endpoint);
  if (session) session.value = saved(detail.endpoint);
}

/**
 * The household session every element on this page pointing at `endpoint` shares: read once from
 * `localStorage`, and a signal, so the elements follow a sign-in made in any one of them — or in
 * another copy of this package on the page, or a sign-out by the residents' app ({@link forgetSession}).
 */
export function endpointSession(endpoint: string): Signal<EndpointSession | undefined> {
  if (!listening) {
    listening = true;
    globalThis.addEventListener?.(CHANGED, follow);
  }
  let session = sessions.get(endpoint);
  if (!session) {
    session = signal(saved(endpoint));
    sessions.set(endpoint, session);
  }
  return session;
}

/**
 * Redeems an invite code (or a code another device of the household showed) at
 * `POST <endpoint>/sessions` and keeps the session for this origin. The server decides everything:
 * whether the code is good, and whether this page's origin may sign in at all (`http.origin`).
 */
export async function signInAt(endpoint: string, code: string): Promise<SignInAnswer> {
  let response: Response;
  let body: unknown;
  try {
    response = await fetch(`${endpoint}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: code.trim() }),
    });
    body = await response.json();
  } catch {
    return { ok: false, error: undefined };
  }
  if (response.ok && isSession(body)) {
    const session = { token: body.token, household: body.household };
    try {
      device()?.setItem(sessionKey(endpoint), JSON.stringify(session));
    } catch {
      // A refused storage (private mode, a full quota) only means the sign-in lasts this page.
    }
    endpointSession(endpoint).value = session;
    announce(endpoint);
    return { ok: true, session };
  }
  const error = (body as { error?: unknown } | null)?.error;
  return { ok: false, error: isError(error) ? error : undefined };
}

/**
 * Forgets this origin's session for `endpoint` (the server refused its token: revoked, or another
 * database; or the residents' app signed the household out), in every element on the page.
 */
export function forgetSession(endpoint: string): void {
  try {
    device()?.removeItem(sessionKey(endpoint));
  } catch {
    // See signInAt.
  }
  endpointSession(endpoint).value = undefined;
  announce(endpoint);
}
