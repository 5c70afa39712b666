import type { Locale } from '@linli/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Answer, screenContext, settled } from '../../test/screen-context.ts';
import { SETUP_TOKEN_KEY, type SetupScreen } from './setup-screen.ts';
import './setup-screen.ts';

const mounted: Element[] = [];
beforeEach(() => sessionStorage.setItem(SETUP_TOKEN_KEY, 'setup-token'));
afterEach(() => {
  sessionStorage.removeItem(SETUP_TOKEN_KEY);
  for (const el of mounted.splice(0)) el.remove();
});

async function mount(locale: Locale, server: (request: string) => Answer | undefined) {
  const { context, requests } = screenContext(locale, {}, server);
  const screen = document.createElement('linli-setup-screen') as SetupScreen;
  screen.context = context;
  document.body.append(screen);
  mounted.push(screen);
  await settled(screen);
  return { screen, requests };
}

const $ = <T extends Element = HTMLElement>(screen: SetupScreen, selector: string): T => {
  const found = screen.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

const open = (request: string): Answer | undefined =>
  request === 'GET /setup/status' ? [200, { open: true }] : undefined;

describe('<linli-setup-screen>', () => {
  for (const [locale, expected] of [
    ['zh-CN', { id: '请填写社区编号。', name: '请填写社区名称。', organizer: '请填写姓名。' }],
    [
      'en',
      {
        id: 'Please fill in "Community id".',
        name: 'Please fill in "Community name".',
        organizer: 'Please fill in "Name".',
      },
    ],
  ] as const)
    it(`submitted empty, marks every empty field with its own message in ${locale}, focuses the first, sends nothing`, async () => {
      const { screen, requests } = await mount(locale, open);
      $<HTMLInputElement>(screen, '#name').value = '   ';
      $<HTMLFormElement>(screen, 'form').requestSubmit();
      await settled(screen);
      for (const [field, message] of Object.entries(expected)) {
        expect($(screen, `#${field}-error`).textContent?.trim(), field).toBe(message);
        const input = $<HTMLInputElement>(screen, `#${field}`);
        expect(input.getAttribute('aria-invalid'), field).toBe('true');
        expect(input.getAttribute('aria-describedby'), field).toContain(`${field}-error`);
      }
      expect(screen.shadowRoot?.activeElement?.id).toBe('id');
      expect(requests).toEqual(['GET /setup/status']);
      // Filling one field clears only its message at the next try.
      $<HTMLInputElement>(screen, '#id').value = 'lane-9';
      $<HTMLFormElement>(screen, 'form').requestSubmit();
      await settled(screen);
      expect(screen.shadowRoot?.querySelector('#id-error')).toBeNull();
      expect(screen.shadowRoot?.activeElement?.id).toBe('name');
      expect(requests).toEqual(['GET /setup/status']);
    });

  for (const [locale, title] of [
    ['zh-CN', '服务器已设置好'],
    ['en', 'This server is set up'],
  ] as const)
    it(`once set up, says so in ${locale} without an error and links to each community's sign-in`, async () => {
      const { screen, requests } = await mount(locale, (request) =>
        request === 'GET /setup/status'
          ? [200, { open: false }]
          : request === 'GET /communities'
            ? [
                200,
                [
                  { id: 'lane9', name: '幸福里9号' },
                  { id: 'jn-1', name: '江宁一村' },
                ],
              ]
            : undefined,
      );
      expect($(screen, 'h1').textContent).toBe(title);
      expect(screen.shadowRoot?.querySelector('[role=alert], .alert, .error, form')).toBeNull();
      const links = [...(screen.shadowRoot?.querySelectorAll('a') ?? [])].map((a) => [
        a.getAttribute('href'),
        a.textContent?.trim(),
      ]);
      expect(links).toEqual([
        ['/c/lane9/sign-in', '幸福里9号'],
        ['/c/jn-1/sign-in', '江宁一村'],
      ]);
      expect(requests).toEqual(['GET /setup/status', 'GET /communities']);
    });
});
