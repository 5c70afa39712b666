import { afterEach, describe, expect, it } from 'vitest';
import '../../define/linli-money.js';
import { onDarkPage, violations } from '../../../test/fixtures.js';
import type { LinliMoney } from './money.js';

async function mount(markup: string): Promise<LinliMoney> {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  const el = host.querySelector('linli-money') as LinliMoney;
  await el.updateComplete;
  return el;
}

function text(el: LinliMoney): string {
  return el.shadowRoot?.textContent?.trim() ?? '';
}

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = '';
});

describe('<linli-money>', () => {
  it('is a real custom element rendered by Chromium', async () => {
    const el = await mount('<linli-money fen="123456" lang="zh-CN"></linli-money>');
    expect(customElements.get('linli-money')).toBeDefined();
    expect(text(el)).toBe('¥1,234.56');
    expect(el.shadowRoot?.querySelector('[part="amount"]')).not.toBeNull();
  });

  it('follows the nearest lang and the document lang live', async () => {
    const el = await mount('<section lang="en"><linli-money fen="-5"></linli-money></section>');
    expect(el.shadowRoot?.querySelector('[part="amount"]')).not.toBeNull();
    el.fen = 10.5;
    await el.updateComplete;
    expect(text(el)).toContain('must be an integer');
    el.closest('section')?.removeAttribute('lang');
    document.documentElement.lang = 'zh';
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(text(el)).toContain('必须是整数');
  });

  it('updates when the amount changes', async () => {
    const el = await mount('<linli-money fen="1"></linli-money>');
    el.fen = 250000;
    await el.updateComplete;
    expect(text(el)).toBe('¥2,500.00');
  });

  it('shows a localized error instead of rounding a fractional amount', async () => {
    const el = await mount('<linli-money fen="10.5" lang="zh-CN"></linli-money>');
    const error = el.shadowRoot?.querySelector('[part="error"]');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).toContain('必须是整数');
    el.lang = 'en';
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('[part="error"]')?.textContent).toContain('must be an integer');
  });

  it('scales its text in large-text mode', async () => {
    const el = await mount('<linli-money fen="100"></linli-money>');
    const normal = Number.parseFloat(getComputedStyle(el).fontSize);
    el.largeText = true;
    await el.updateComplete;
    expect(el.hasAttribute('large-text')).toBe(true);
    expect(Number.parseFloat(getComputedStyle(el).fontSize)).toBeCloseTo(normal * 1.25, 1);
  });

  it('passes axe (contrast included) in dark mode on a dark page, negative amounts too', async () => {
    await onDarkPage(async () => {
      const el = await mount('<p>¥ <linli-money fen="-12345" lang="zh-CN"></linli-money></p>');
      expect(await violations(el)).toEqual([]);
    });
  });
});
