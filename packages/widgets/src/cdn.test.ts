import { describe, expect, it } from 'vitest';

// The single-file CDN bundle, exactly as a site loads it with <script type="module">.
const cdnUrl = new URL('../dist/cdn/linli.js', import.meta.url).href;

describe('CDN bundle (dist/cdn/linli.js)', () => {
  it('registers every element on its own and renders', async () => {
    expect(customElements.get('linli-money')).toBeUndefined();
    const script = document.createElement('script');
    script.type = 'module';
    script.src = cdnUrl;
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    document.head.append(script);
    await loaded;
    await customElements.whenDefined('linli-money');
    document.body.innerHTML = '<linli-money fen="880000" lang="en"></linli-money>';
    const el = document.querySelector('linli-money');
    await (el as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    expect(el?.shadowRoot?.textContent?.trim()).toBe('¥8,800.00');
  });
});
