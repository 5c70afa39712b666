import { describe, expect, it } from 'vitest';
import { violations } from '../test/fixtures.js';

// The single-file CDN bundle, exactly as a site loads it, on the demo page's published seed view.
const cdnUrl = new URL('../dist/cdn/linli.js', import.meta.url).href;
const viewUrl = new URL('../demo/seed-view.json', import.meta.url).href;

async function loadCdn(): Promise<void> {
  const script = document.createElement('script');
  script.type = 'module';
  script.src = cdnUrl;
  const loaded = new Promise((resolve, reject) => {
    script.onload = resolve;
    script.onerror = reject;
  });
  document.head.append(script);
  await loaded;
}

type Lit = HTMLElement & { updateComplete: Promise<boolean> };

async function rendered(el: Element, needle: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    await (el as Lit).updateComplete;
    const text = el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
    if (text.includes(needle)) return text;
    await new Promise((r) => setTimeout(r, 20));
  }
  return el.shadowRoot?.textContent ?? '';
}

describe('CDN bundle (dist/cdn/linli.js) on a plain page', () => {
  it('registers every element by itself and shows the seed scenario from a published view', async () => {
    expect(customElements.get('linli-vote')).toBeUndefined();
    await loadCdn();
    for (const tag of ['linli-money', 'linli-vote', 'linli-motion-list', 'linli-roster', 'linli-fund']) {
      expect(customElements.get(tag), tag).toBeDefined();
    }
    document.documentElement.lang = 'zh-CN';
    document.body.innerHTML = `
      <linli-motion-list src="${viewUrl}"></linli-motion-list>
      <linli-vote src="${viewUrl}" motion="lift"></linli-vote>
      <linli-fund src="${viewUrl}" fund="lift-fund"></linli-fund>
      <linli-roster src="${viewUrl}" duty="clean"></linli-roster>`;
    const [list, vote, fund, roster] = [...document.body.children];
    expect(await rendered(list as Element, '电梯使用公约')).toContain('96号楼1单元加装电梯');
    const voteText = await rendered(vote as Element, '已投票');
    expect(voteText).toContain('已投票 9 / 11');
    expect(voteText).toContain('还需');
    expect(await rendered(fund as Element, '合计')).toContain('¥360,000.00');
    expect(await rendered(roster as Element, '清洁电梯')).toContain('室');
    for (const el of [list, vote, fund, roster]) expect(await violations(el as Element)).toEqual([]);
  });

  it('says why when a published view cannot be loaded', async () => {
    await loadCdn();
    document.body.innerHTML = '<linli-fund lang="en" src="/does-not-exist.json" fund="x"></linli-fund>';
    const text = await rendered(document.body.firstElementChild as Element, 'Could not load');
    expect(text).toContain('Could not load the data: HTTP 404');
  });
});

describe('organizer CDN bundle (dist/cdn/linli-organizer.js)', () => {
  it('registers the printed elements only, leaving the residents’ elements to linli.js', async () => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = new URL('../dist/cdn/linli-organizer.js', import.meta.url).href;
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    document.head.append(script);
    await loaded;
    expect(customElements.get('linli-result-notice')).toBeDefined();
    expect(customElements.get('linli-ballot-form')).toBeDefined();
    document.body.innerHTML = `<linli-result-notice lang="en" src="${viewUrl}" motion="lift"></linli-result-notice>`;
    const text = await rendered(document.body.firstElementChild as Element, 'Notice of the result');
    expect(text).toContain('96号楼1单元加装电梯');
    expect(await violations(document.body.firstElementChild as Element)).toEqual([]);
  });
});
