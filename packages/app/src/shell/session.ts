import { forgetSession, sessionKey } from '@linli/widgets';
import { signal } from '@preact/signals-core';
import * as z from 'zod/mini';
import type { ApiClient } from '../api/api-client.js';

/** An organizer's office, as the server names it. */
export type OrganizerRole = 'building-head' | 'residents-committee' | 'owners-committee';

/** Who is signed in to one community, as `GET /c/:id/session` says. */
export type Session =
  | {
      readonly kind: 'organizer';
      readonly id: string;
      readonly name: string;
      readonly role: OrganizerRole | string;
    }
  | {
      readonly kind: 'household';
      readonly unitId: string;
      /** The building's name and the room, as the header shows them ("96号楼 102室"); absent only for a unit no longer in the register. */
      readonly building?: string;
      readonly room?: string;
    };

/** What `GET /c/:id/session` answers. */
const sessionAnswer = z.union([
  z.object({ organizer: z.literal(true), id: z.string(), name: z.string(), role: z.string() }),
  z.object({ household: z.string(), building: z.optional(z.string()), room: z.optional(z.string()) }),
]);

const householdSaved = z.object({ token: z.string(), household: z.optional(z.string()) });

/**
 * Where each community's token is kept — the same keys the demo pages use, so a sign-in on one is a
 * sign-in on the other. An organizer's token lives in `sessionStorage`: an organizer's key should not
 * outlast the tab. A household's lives in `localStorage`: residents stay signed in on their phone —
 * under the key of the widgets' `<linli-sign-in endpoint="/c/<id>">`, so a household signed in here is
 * signed in for every widget on the server's pages, and the other way round.
 */
export const organizerKey = (community: string): string => `linli-organizer:/c/${community}`;
/** The `endpoint` of the widgets' elements for `community` on the server's own pages (`/c/<id>`). */
export const householdEndpoint = (community: string): string => `/c/${community}`;
export const householdKey = (community: string): string => sessionKey(householdEndpoint(community));

/** The two storages, injected so tests can use their own. */
export interface SessionStorages {
  readonly tab: Storage;
  readonly device: Storage;
}

/**
 * The sign-ins of this browser, one per community, and who they belong to. It only keeps tokens and
 * asks the server; the server decides whether a token still signs anyone in.
 */
export class Sessions {
  /** Who is signed in, by community (absent: nobody, or not asked yet). */
  readonly who = signal<Readonly<Record<string, Session>>>({});

  constructor(private readonly storages: SessionStorages) {}

  /** The token requests to `community` carry: the organizer's if this tab has one, else the household's. */
  token(community: string): string | undefined {
    const organizer = read(this.storages.tab, organizerKey(community));
    if (organizer) return organizer;
    const saved = read(this.storages.device, householdKey(community));
    if (!saved) return undefined;
    try {
      const parsed = householdSaved.safeParse(JSON.parse(saved));
      return parsed.success ? parsed.data.token : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Asks the server who the kept token belongs to. A token it no longer accepts (revoked, expired, a
   * reset database) is forgotten; an unreachable server keeps it and answers the error.
   */
  async restore(community: string, api: ApiClient) {
    if (!this.token(community)) {
      this.#set(community, undefined);
      return { ok: true as const, value: undefined };
    }
    const answer = await api.request<unknown>(`/c/${encodeURIComponent(community)}/session`);
    if (!answer.ok) {
      if (answer.error.code === 'auth.required' || answer.error.code === 'http.not_found')
        this.#forgetUsed(community);
      return answer;
    }
    const parsed = sessionAnswer.safeParse(answer.value);
    const session: Session | undefined = !parsed.success
      ? undefined
      : 'organizer' in parsed.data
        ? { kind: 'organizer', id: parsed.data.id, name: parsed.data.name, role: parsed.data.role }
        : {
            kind: 'household',
            unitId: parsed.data.household,
            ...(parsed.data.building === undefined ? {} : { building: parsed.data.building }),
            ...(parsed.data.room === undefined ? {} : { room: parsed.data.room }),
          };
    this.#set(community, session);
    return { ok: true as const, value: session };
  }

  /** Keeps an organizer's token for this tab, then asks who it is; a token the server refuses is not kept. */
  async signInOrganizer(community: string, token: string, api: ApiClient) {
    write(this.storages.tab, organizerKey(community), token.trim());
    const answer = await this.restore(community, api);
    if (answer.ok && answer.value?.kind !== 'organizer') this.#forgetUsed(community);
    return answer;
  }

  /**
   * Signs out of `community`: a household's session is ended on the server (`DELETE /sessions`); an
   * organizer's token is forgotten by this tab (it is the operator's to revoke). The household's last
   * device signs out only with `lastConfirmed` (the resident read `auth.last_device`'s warning): until
   * then the answer is that error and the token is kept. A token the server no longer knows is
   * forgotten all the same.
   */
  async signOut(community: string, api: ApiClient, lastConfirmed = false) {
    const session = this.who.value[community];
    if (session?.kind === 'household') {
      const path = `/c/${encodeURIComponent(community)}/sessions${lastConfirmed ? '?last=confirmed' : ''}`;
      const answer = await api.send<{ signedOut: true }>('DELETE', path);
      if (!answer.ok && answer.error.code !== 'auth.required') return answer;
    }
    this.forget(community);
    return { ok: true as const, value: undefined };
  }

  /** Forgets this browser's tokens for `community`. */
  forget(community: string): void {
    remove(this.storages.tab, organizerKey(community));
    this.#forgetHousehold(community);
    this.#set(community, undefined);
  }

  /** Forgets only the token requests carried (a wrong organizer token leaves the household's alone). */
  #forgetUsed(community: string): void {
    if (read(this.storages.tab, organizerKey(community))) remove(this.storages.tab, organizerKey(community));
    else this.#forgetHousehold(community);
    this.#set(community, undefined);
  }

  /**
   * Forgets the household's session — in this shell and in the widgets' shared session signal, so no
   * element on the app's pages (`<linli-sign-in>`, `<linli-vote>`, `<linli-roles>`) keeps a session the
   * app dropped.
   */
  #forgetHousehold(community: string): void {
    remove(this.storages.device, householdKey(community));
    forgetSession(householdEndpoint(community));
  }

  #set(community: string, session: Session | undefined): void {
    const { [community]: _, ...others } = this.who.value;
    this.who.value = session ? { ...others, [community]: session } : others;
  }
}

// A refused storage (private mode, a full quota) only means the sign-in lasts this page.
function read(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}
function write(storage: Storage, key: string, value: string): void {
  try {
    storage.setItem(key, value);
  } catch {
    // See read().
  }
}
function remove(storage: Storage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // See read().
  }
}
