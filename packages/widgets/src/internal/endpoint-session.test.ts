import { afterEach, describe, expect, it } from 'vitest';
import { endpointSession, forgetSession, sessionKey } from './endpoint-session.js';

afterEach(() => localStorage.clear());

/** What another copy of this module on the page (another build, the CDN bundle) announces. */
const otherCopy = (endpoint: string) =>
  globalThis.dispatchEvent(new CustomEvent('linli-session-changed', { detail: { endpoint, from: {} } }));

describe('the shared household session', () => {
  it("follows another copy's sign-in and sign-out on the same page", () => {
    const session = endpointSession('/c/copies');
    expect(session.value).toBeUndefined();
    localStorage.setItem(sessionKey('/c/copies'), JSON.stringify({ token: 'tok', household: 'u1' }));
    otherCopy('/c/copies');
    expect(session.value).toEqual({ token: 'tok', household: 'u1' });
    localStorage.removeItem(sessionKey('/c/copies'));
    otherCopy('/c/copies');
    expect(session.value).toBeUndefined();
  });

  it('announces a forgotten session to the other copies, and ignores its own announcement', () => {
    localStorage.setItem(sessionKey('/c/forget'), JSON.stringify({ token: 'tok', household: 'u2' }));
    const session = endpointSession('/c/forget');
    expect(session.value?.token).toBe('tok');
    const heard: unknown[] = [];
    const listen = (e: Event) => heard.push((e as CustomEvent<{ endpoint: string }>).detail.endpoint);
    globalThis.addEventListener('linli-session-changed', listen);
    forgetSession('/c/forget');
    globalThis.removeEventListener('linli-session-changed', listen);
    expect(heard).toEqual(['/c/forget']);
    expect(session.value).toBeUndefined();
    expect(localStorage.getItem(sessionKey('/c/forget'))).toBeNull();
  });
});
