import type { Locale } from '@linli/core';
import { afterEach, describe, expect, it } from 'vitest';
import { screenContext, settled } from '../../test/screen-context.ts';
import type { OrganizerHomeScreen } from './organizer-home-screen.ts';
import './organizer-home-screen.ts';

const mounted: Element[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

async function mount(locale: Locale): Promise<OrganizerHomeScreen> {
  const { context } = screenContext(locale, { community: 'c1' }, (request) =>
    request === 'GET /c/c1/view' ? [200, { community: { name: '幸福里' } }] : undefined,
  );
  const screen = document.createElement('linli-organizer-home-screen') as OrganizerHomeScreen;
  screen.context = {
    ...context,
    session: { kind: 'organizer', id: 'org-1', name: '王阿姨', role: 'building-head' },
  };
  document.body.append(screen);
  mounted.push(screen);
  await settled(screen);
  return screen;
}

describe('<linli-organizer-home-screen>', () => {
  for (const [locale, signOut] of [
    ['zh-CN', '退出登录'],
    ['en', 'Sign out'],
  ] as const)
    it(`leaves signing out to the shell's header: no second "${signOut}" button (${locale})`, async () => {
      const screen = await mount(locale);
      expect(screen.shadowRoot?.textContent).toContain('幸福里');
      const buttons = [...(screen.shadowRoot?.querySelectorAll('button') ?? [])];
      expect(buttons.map((b) => b.textContent?.trim())).not.toContain(signOut);
    });
});
