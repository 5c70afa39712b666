import { effect } from '@preact/signals-core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { endpointSession, forgetSession } from './endpoint-session.js';

type Host = ReactiveControllerHost & {
  endpoint: string;
  motion: string;
  voter: string;
  token: string | undefined;
};

/** One ballot a household may cast, as `GET <endpoint>/household/motions` answers it. */
interface Seat {
  readonly voterId?: unknown;
  readonly proxyId?: unknown;
}

/** The server did not answer the household's motions: 401 means its session is over. */
class SeatsRefused extends Error {
  constructor(readonly status: number) {
    super(`household/motions: ${status}`);
  }
}

const seats = new Map<string, Promise<ReadonlyMap<string, string>>>();

/**
 * The household's own voter on each motion (not a proxy it holds), as the server answers it: the
 * server knows who votes for a unit (one owner head for several homes, co-owners), the widget does
 * not work it out. Asked once per session, however many vote cards the page has.
 */
function ownVoters(endpoint: string, token: string): Promise<ReadonlyMap<string, string>> {
  const key = `${endpoint}\u0000${token}`;
  let pending = seats.get(key);
  if (!pending) {
    pending = fetch(`${endpoint}/household/motions`, { headers: { authorization: `Bearer ${token}` } })
      .then((r) => (r.ok ? r.json() : Promise.reject(new SeatsRefused(r.status))))
      .then((body: unknown) => {
        const voters = new Map<string, string>();
        const motions = (body as { motions?: unknown }).motions;
        for (const m of Array.isArray(motions) ? motions : []) {
          const own = (m.seats as Seat[] | undefined)?.find((s) => s.proxyId === undefined);
          if (typeof m.motionId === 'string' && typeof own?.voterId === 'string')
            voters.set(m.motionId, own.voterId);
        }
        return voters;
      });
    seats.set(key, pending);
    pending.catch(() => seats.delete(key));
  }
  return pending;
}

/**
 * Who votes, for a vote card bound to a server with no `voter` given: once the page holds a household
 * session for its `endpoint` (from `<linli-sign-in>`, or the card's own sign-in), the household's own
 * voter on the card's motion. `none` when the server says the household has no ballot on it.
 */
export class SessionVoterController implements ReactiveController {
  /** `undefined` while unknown (no session, or not answered yet). */
  seat: string | 'none' | undefined;
  private asked = '';
  private unwatch: (() => void) | undefined;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** Whether the page holds a household session for the host's endpoint. */
  get signedIn(): boolean {
    return this.host.token !== undefined || this.session() !== undefined;
  }

  private session() {
    return this.host.endpoint ? endpointSession(this.host.endpoint).value : undefined;
  }

  hostConnected(): void {
    this.unwatch = effect(() => {
      if (this.host.endpoint) endpointSession(this.host.endpoint).value;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.unwatch?.();
    this.unwatch = undefined;
  }

  hostUpdate(): void {
    const { endpoint, motion, voter } = this.host;
    const token = this.host.token ?? this.session()?.token;
    if (!endpoint || !motion || voter || !token) return;
    const key = `${endpoint}\u0000${token}\u0000${motion}`;
    if (key === this.asked) return;
    this.asked = key;
    this.seat = undefined;
    ownVoters(endpoint, token).then(
      (voters) => {
        if (this.asked !== key) return;
        this.seat = voters.get(motion) ?? 'none';
        if (this.seat !== 'none' && !this.host.voter) this.host.voter = this.seat;
        this.host.requestUpdate();
      },
      (e: unknown) => {
        // A session the server no longer knows (signed out elsewhere, the device ended) is forgotten,
        // so the sign-in shows again; unreachable: asked again at the next update.
        if (e instanceof SeatsRefused && e.status === 401 && !this.host.token) forgetSession(endpoint);
        if (this.asked === key) this.asked = '';
      },
    );
  }
}
