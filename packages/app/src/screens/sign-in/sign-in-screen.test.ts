import { type Locale, linliError } from '@linli/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type Answer, screenContext, settled } from '../../test/screen-context.ts';
import type { SignInScreen } from './sign-in-screen.ts';
import './sign-in-screen.ts';

const mounted: Element[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

/** The server's answers: community `c1` exists, and knows no organizer token. */
const server = (request: string): Answer | undefined =>
  request === 'GET /c/c1/session' ? [401, { error: linliError('auth.required') }] : undefined;

async function mount(locale: Locale): Promise<SignInScreen> {
  const screen = document.createElement('linli-sign-in-screen') as SignInScreen;
  screen.context = screenContext(locale, { community: 'c1' }, server).context;
  screen.style.width = '360px';
  document.body.append(screen);
  mounted.push(screen);
  await settled(screen);
  return screen;
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

  it('keeps each sign-in button clear of the hint above it', async () => {
    const screen = await mount('zh-CN');
    for (const form of ['organizer', 'household']) {
      const hint = $(screen, `#${form}-hint`).getBoundingClientRect();
      const button = $(screen, `#${form}-input`)
        .closest('form')
        ?.querySelector('button')
        ?.getBoundingClientRect();
      expect(button, form).toBeDefined();
      expect((button?.top ?? 0) - hint.bottom, form).toBeGreaterThanOrEqual(12);
    }
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
