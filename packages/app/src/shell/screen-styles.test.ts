import { html, LitElement } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import '../screens/register/define.ts';
import { contrast, isGrey } from '../test/contrast.ts';
import { applyPrefs } from './palette.ts';
import { screenStyles } from './screen-styles.ts';

class StyledButtons extends LitElement {
  static override styles = screenStyles;
  override render() {
    return html`<button class="primary" disabled>登录</button><button disabled>Print</button>`;
  }
}
customElements.define('test-styled-buttons', StyledButtons);

const mounted: Element[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

/** A page in `theme`, its colours set the way the shell sets them on `<html>`. */
function page(theme: 'light' | 'dark'): HTMLElement {
  const root = document.createElement('main');
  applyPrefs(root, { language: 'zh-CN', theme, largeText: false }, false);
  document.body.append(root);
  mounted.push(root);
  return root;
}

/** A disabled button must read as off: grey, not faded, and its text at least 4.5:1 (WCAG AA). */
function expectGreyAndReadable(button: HTMLButtonElement): void {
  const style = getComputedStyle(button);
  expect(style.opacity, button.outerHTML).toBe('1');
  expect(isGrey(style.backgroundColor), `${button.outerHTML} ${style.backgroundColor}`).toBe(true);
  expect(contrast(style.color, style.backgroundColor), button.outerHTML).toBeGreaterThanOrEqual(4.5);
}

describe('disabled buttons', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`are grey and AA-readable on the shell's screens (${theme})`, async () => {
      const el = document.createElement('test-styled-buttons');
      page(theme).append(el);
      await (el as StyledButtons).updateComplete;
      for (const button of el.shadowRoot?.querySelectorAll('button') ?? []) expectGreyAndReadable(button);
    });

    it(`are grey and AA-readable on the register screen (${theme})`, async () => {
      const el = document.createElement('linli-register-import');
      page(theme).append(el);
      await el.updateComplete;
      const button = document.createElement('button');
      button.dataset.primary = '';
      button.disabled = true;
      button.textContent = '确认导入';
      el.shadowRoot?.append(button);
      expectGreyAndReadable(button);
    });
  }
});
