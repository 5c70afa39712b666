import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, onDarkPage, settle, violations } from '../../../test/fixtures.js';
import '../../define/linli-sign-in.js';
import { endpointSession, forgetSession, sessionKey } from '../../internal/endpoint-session.js';
import type { LinliSignIn } from './sign-in.js';

let communities = 0;
/** A fresh endpoint per test, so no session is shared between them. */
const nextEndpoint = () => `https://linli.test/c/sign-in${++communities}`;

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
  localStorage.clear();
});

const ORIGIN_REFUSED = {
  code: 'http.origin',
  path: [],
  params: {},
  message: { 'zh-CN': '该网站未被允许嵌入本社区', en: 'This website is not allowed to embed this community' },
};

/** A server that answers `POST …/sessions` with `answer`, counting what it was sent. */
function server(answer: () => Response) {
  const sent: { url: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: String(input), body: JSON.parse(String(init?.body ?? 'null')) });
    return answer();
  });
  return sent;
}

const part = (el: LinliSignIn, name: string) => el.shadowRoot?.querySelector(`[part~=${name}]`);

async function submit(el: LinliSignIn, code: string): Promise<void> {
  const input = part(el, 'input') as HTMLInputElement;
  input.value = code;
  (part(el, 'submit') as HTMLButtonElement).click();
  await settle(el);
  await settle(el);
}

describe('<linli-sign-in>', () => {
  it('puts a `code` it was given (from a link) in the field, and sends it only when the reader signs in', async () => {
    const endpoint = nextEndpoint();
    const sent = server(() => Response.json({ token: 'tok-103', household: 'u103' }));
    const el = await mount<LinliSignIn>(
      `<linli-sign-in lang="en" endpoint="${endpoint}" code="ABCDE-FGHJK"></linli-sign-in>`,
      'linli-sign-in',
    );
    expect((part(el, 'input') as HTMLInputElement).value).toBe('ABCDE-FGHJK');
    await settle(el);
    expect(sent).toEqual([]);
    (part(el, 'submit') as HTMLButtonElement).click();
    await settle(el);
    await settle(el);
    expect(sent).toEqual([{ url: `${endpoint}/sessions`, body: { code: 'ABCDE-FGHJK' } }]);
  });

  it('redeems the code at its endpoint, keeps the session for this site and says who is signed in', async () => {
    const endpoint = nextEndpoint();
    const sent = server(() => Response.json({ token: 'tok-102', household: 'u102', device: 'd' }));
    const el = await mount<LinliSignIn>(
      `<linli-sign-in lang="zh-CN" endpoint="${endpoint}"></linli-sign-in>`,
      'linli-sign-in',
    );
    const signedIn = vi.fn();
    el.addEventListener('linli-signed-in', (e) => signedIn((e as CustomEvent).detail));
    await submit(el, '  ABCDE-FGHJK ');
    expect(sent).toEqual([{ url: `${endpoint}/sessions`, body: { code: 'ABCDE-FGHJK' } }]);
    expect(JSON.parse(localStorage.getItem(sessionKey(endpoint)) ?? '{}')).toEqual({
      token: 'tok-102',
      household: 'u102',
    });
    expect(endpointSession(endpoint).value?.token).toBe('tok-102');
    expect(signedIn).toHaveBeenCalledWith({ endpoint, household: 'u102' });
    expect(part(el, 'signed-in')?.textContent).toBe('已登录：住户 u102');
    expect(part(el, 'form')).toBeNull();
  });

  it("shows the server's refusal inline in the reader's language, keeps nothing, and goes back to the field", async () => {
    const endpoint = nextEndpoint();
    server(() => Response.json({ error: ORIGIN_REFUSED }, { status: 403 }));
    const el = await mount<LinliSignIn>(
      `<linli-sign-in lang="en" endpoint="${endpoint}"></linli-sign-in>`,
      'linli-sign-in',
    );
    await submit(el, 'ABCDE-FGHJK');
    const error = part(el, 'error');
    expect(error?.textContent).toBe('This website is not allowed to embed this community');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(part(el, 'input')?.getAttribute('aria-invalid')).toBe('true');
    expect(part(el, 'input')?.getAttribute('aria-describedby')).toBe('hint error');
    expect(el.shadowRoot?.activeElement).toBe(part(el, 'input'));
    expect(localStorage.getItem(sessionKey(endpoint))).toBeNull();
    expect(endpointSession(endpoint).value).toBeUndefined();
  });

  it('says the server cannot be reached when fetch fails (CORS, offline), and asks for a code when empty', async () => {
    const endpoint = nextEndpoint();
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const el = await mount<LinliSignIn>(
      `<linli-sign-in lang="zh-CN" endpoint="${endpoint}"></linli-sign-in>`,
      'linli-sign-in',
    );
    await submit(el, '');
    expect(part(el, 'error')?.textContent).toBe('请填写入户邀请码。');
    await submit(el, 'ABCDE-FGHJK');
    expect(part(el, 'error')?.textContent).toBe('连不上社区的服务器，请稍后再试。');
  });

  it('follows a sign-in made by another element on the same endpoint, and a forgotten session', async () => {
    const endpoint = nextEndpoint();
    const el = await mount<LinliSignIn>(
      `<linli-sign-in lang="en" endpoint="${endpoint}"></linli-sign-in>`,
      'linli-sign-in',
    );
    endpointSession(endpoint).value = { token: 't', household: 'u602' };
    await settle(el);
    expect(part(el, 'signed-in')?.textContent).toBe('Signed in: household u602');
    forgetSession(endpoint);
    await settle(el);
    expect(part(el, 'form')).not.toBeNull();
  });

  it('passes axe in light and dark, with targets of at least 44 px in large text', async () => {
    const endpoint = nextEndpoint();
    server(() => Response.json({ error: ORIGIN_REFUSED }, { status: 403 }));
    const el = await mount<LinliSignIn>(
      `<linli-sign-in lang="zh-CN" large-text endpoint="${endpoint}"></linli-sign-in>`,
      'linli-sign-in',
    );
    await submit(el, 'ABCDE-FGHJK');
    expect(await violations(el)).toEqual([]);
    expect(await onDarkPage(() => violations(el))).toEqual([]);
    for (const name of ['input', 'submit']) {
      const box = (part(el, name) as HTMLElement).getBoundingClientRect();
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    expect(Number.parseFloat(getComputedStyle(part(el, 'hint') as Element).fontSize)).toBeGreaterThanOrEqual(
      16,
    );
  });
});
