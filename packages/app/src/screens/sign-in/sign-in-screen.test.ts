import { type Locale, linliError } from '@linli/core';
import type { LinliSignIn } from '@linli/widgets';
import { afterEach, describe, expect, it } from 'vitest';
import { type Answer, screenContext, settled } from '../../test/screen-context.ts';
// On the page it arrives with dist/resident.js; here the element is imported itself.
import '@linli/widgets/define/linli-sign-in.js';
import type { SignInScreen } from './sign-in-screen.ts';
import './sign-in-screen.ts';

const mounted: Element[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

/** The server's answers: community `c1` exists, and knows no organizer token. */
const server = (request: string): Answer | undefined =>
  request === 'GET /c/c1/session' ? [401, { error: linliError('auth.required') }] : undefined;

async function mount(locale: Locale) {
  const screen = document.createElement('linli-sign-in-screen') as SignInScreen;
  const { context, navigated } = screenContext(locale, { community: 'c1' }, server);
  screen.context = context;
  screen.style.width = '360px';
  document.body.append(screen);
  mounted.push(screen);
  await settled(screen);
  return Object.assign(screen, { navigated });
}

const $ = <T extends Element = HTMLElement>(screen: SignInScreen, selector: string): T => {
  const found = screen.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

describe('<linli-sign-in-screen>', () => {
  it("quotes in English with straight double quotes only, as the server's messages do", async () => {
    const screen = await mount('en');
    expect(screen.shadowRoot?.textContent).toContain('Community "c1".');
    expect(screen.shadowRoot?.textContent).not.toMatch(/[“”]/);
  });

  it("keeps the organizer's sign-in button clear of the hint above it", async () => {
    const screen = await mount('zh-CN');
    const hint = $(screen, '#organizer-hint').getBoundingClientRect();
    const button = $(screen, '#organizer-input')
      .closest('form')
      ?.querySelector('button')
      ?.getBoundingClientRect();
    expect(button).toBeDefined();
    expect((button?.top ?? 0) - hint.bottom).toBeGreaterThanOrEqual(12);
  });
});

describe("a household's sign-in", () => {
  const page = `${location.pathname}${location.search}`;
  afterEach(() => history.replaceState(null, '', page));

  for (const locale of ['zh-CN', 'en'] as const)
    it(`is the widgets' <linli-sign-in> for /c/c1, in ${locale}, with the code a link carried`, async () => {
      history.replaceState(null, '', `${location.pathname}?code=ABCDE-FGHJK`);
      const screen = await mount(locale);
      const element = $<LinliSignIn>(screen, 'linli-sign-in');
      expect(element.endpoint).toBe('/c/c1');
      expect(element.lang).toBe(locale);
      await element.updateComplete;
      expect(element.shadowRoot?.querySelector('input')?.value).toBe('ABCDE-FGHJK');
      expect(element.shadowRoot?.querySelector('label')?.textContent).toBe(
        locale === 'zh-CN' ? '入户邀请码' : 'Invite code',
      );
    });

  it('takes only something shaped like a code from the link', async () => {
    history.replaceState(null, '', `${location.pathname}?code=<b>x</b>`);
    const screen = await mount('en');
    expect($<LinliSignIn>(screen, 'linli-sign-in').code).toBe('');
  });

  it("goes on to the household's home once the element signed it in", async () => {
    const screen = await mount('zh-CN');
    $(screen, 'linli-sign-in').dispatchEvent(
      new CustomEvent('linli-signed-in', {
        detail: { endpoint: '/c/c1', household: 'u102' },
        bubbles: true,
        composed: true,
      }),
    );
    await settled(screen);
    expect(screen.navigated).toEqual(['/c/c1/home']);
  });
});

describe('a refused organizer token', () => {
  for (const [locale, words] of [
    ['zh-CN', ['对社区“c1”无效', '已被撤销', '运行服务器的人', 'linli-server organizer add']],
    [
      'en',
      ['not valid for community "c1"', 'revoked', 'whoever runs the server', 'linli-server organizer add'],
    ],
  ] as const)
    it(`says, in ${locale}, that the token is not valid here and who issues a new one`, async () => {
      const screen = await mount(locale);
      $<HTMLInputElement>(screen, '#organizer-input').value = 'not-the-token';
      $<HTMLFormElement>(screen, '#organizer-input').form?.requestSubmit();
      await settled(screen);
      const error = $(screen, '#organizer-error').textContent ?? '';
      for (const word of words) expect(error).toContain(word);
      expect(error).not.toContain(linliError('auth.required').message[locale]);
      expect(screen.shadowRoot?.activeElement?.id).toBe('organizer-input');
    });
});

describe('who issues organizer tokens', () => {
  for (const [locale, who, jargon] of [
    ['zh-CN', '运行服务器的人', '管理员'],
    ['en', 'whoever runs the server', 'operator'],
  ] as const)
    it(`is named as ${who}, never "${jargon}"`, async () => {
      const screen = await mount(locale);
      const text = screen.shadowRoot?.textContent ?? '';
      expect(text).toContain(who);
      expect(text).not.toContain(jargon);
      screen.only = 'organizer';
      await settled(screen);
      expect(screen.shadowRoot?.textContent).toContain(who);
      expect(screen.shadowRoot?.textContent).not.toContain(jargon);
    });
});
