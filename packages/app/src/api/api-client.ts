// The constant, not `linliError(…)`: the first load does not carry the core's whole error catalog.
import { type LinliError, UNREACHABLE_ERROR } from '@linli/core';

/** What a call to the server answers: its JSON body, or the typed error it (or the network) refused with. */
export type ApiResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: LinliError };

/** How the shell reaches the server: same origin, the signed-in token (if any) as a bearer. */
export interface ApiClientOptions {
  /**
   * The signed-in organizer's or household's token for a request to `path`, read at each call (so a
   * sign-out takes effect at once, and each community's requests carry that community's token).
   */
  readonly token?: (path: string) => string | undefined;
  /** For tests: the fetch to use (default: the page's). */
  readonly fetch?: typeof fetch;
}

function isLinliError(value: unknown): value is LinliError {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'object' && message !== null;
}

function errorOf(body: unknown): LinliError {
  const error = (body as { error?: unknown } | undefined)?.error;
  return isLinliError(error) ? error : UNREACHABLE_ERROR;
}

/**
 * The one way every screen talks to the server. The server decides everything; this only sends, and
 * turns every answer into an {@link ApiResult} — a refusal keeps its typed error (code, path, zh-CN and
 * en message) so the screen can show it inline in the page's language; a dropped connection becomes
 * `http.unreachable`.
 */
export class ApiClient {
  readonly #options: ApiClientOptions;

  constructor(options: ApiClientOptions = {}) {
    this.#options = options;
  }

  /** Sends `init` to `path` (absolute on this origin) and reads the JSON answer. */
  async request<T>(path: string, init: RequestInit = {}): Promise<ApiResult<T>> {
    const sent = await this.#fetch(path, init);
    if (!sent.ok) return sent;
    const response = sent.value;
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) return { ok: true, value: body as T };
    return { ok: false, error: errorOf(body) };
  }

  /**
   * Fetches a file the server answers with (an export behind the bearer token, which a plain link
   * cannot send): its bytes as a `Blob`, or the typed refusal.
   */
  async file(path: string): Promise<ApiResult<Blob>> {
    const sent = await this.#fetch(path, {});
    if (!sent.ok) return sent;
    const response = sent.value;
    if (response.ok) return { ok: true, value: await response.blob() };
    return { ok: false, error: errorOf(await response.json().catch(() => undefined)) };
  }

  // A FormData body keeps its own multipart content type, which the browser writes with its boundary.
  async #fetch(path: string, init: RequestInit): Promise<ApiResult<Response>> {
    const headers = new Headers(init.headers);
    const token = this.#options.token?.(path);
    if (token && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
    if (typeof init.body === 'string' && !headers.has('content-type'))
      headers.set('content-type', 'application/json');
    const send = this.#options.fetch ?? fetch;
    try {
      return { ok: true, value: await send(path, { ...init, headers }) };
    } catch {
      return { ok: false, error: UNREACHABLE_ERROR };
    }
  }

  /** `request` with a JSON body. */
  send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>> {
    return this.request<T>(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  }
}
