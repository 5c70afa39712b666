import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { mount, must, onDarkPage, stairwell, violations } from '../../../test/fixtures.js';
import '../../define/linli-fund.js';
import type { LinliFund } from './fund.js';

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

async function fundElement(lang = 'zh-CN') {
  const setup = await stairwell(6);
  await must(
    setup.gov,
    {
      type: 'scheme.define',
      id: 'lift',
      name: '电梯分摊',
      scope: { kind: 'stairwell', id: 's1' },
      basis: { kind: 'floorCoefficients', coefficients: { '1': 0, '2': 80, '3': 100 } },
    },
    { type: 'fund.open', id: 'f', name: '96号楼电梯', budget: 1_000_000 },
    { type: 'fund.pledge', fundId: 'f', schemeId: 'lift', cost: 1_000_000, due: '2026-12-31' },
    { type: 'fund.pay', fundId: 'f', unitId: 'u301', amount: 100_000 },
    { type: 'fund.income', fundId: 'f', amount: 50_000, relatedCosts: 10_000, source: '电梯广告' },
  );
  const el = await mount<LinliFund>(
    `<linli-fund fund="f" household="u301" lang="${lang}"></linli-fund>`,
    'linli-fund',
    (e) => {
      e.governance = setup.gov;
    },
  );
  return { ...setup, el };
}

describe('<linli-fund> on a phone', () => {
  it('becomes stacked cards at 360 px: every figure labelled, the own row marked, nothing scrolls sideways', async () => {
    document.body.style.width = '360px';
    try {
      const { el } = await fundElement();
      const root = el.shadowRoot as ShadowRoot;
      expect(el.getBoundingClientRect().width).toBeLessThanOrEqual(360);
      expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth);
      const region = root.querySelector('[part=scroll]') as HTMLElement;
      expect(region.scrollWidth).toBeLessThanOrEqual(region.clientWidth);
      const own = root.querySelector('tr[aria-current=true]') as HTMLElement;
      expect(getComputedStyle(own).display).toBe('block');
      // Each figure reads with its label: "欠缴 … ¥…", in a card no wider than the column.
      const arrears = own.querySelector('td[data-label=欠缴]') as HTMLElement;
      expect(getComputedStyle(arrears, '::before').content).toBe('"欠缴"');
      expect(own.getBoundingClientRect().width).toBeLessThanOrEqual(360);
      // The highlight differs from an ordinary card's.
      const other = root.querySelector('tbody tr:not([aria-current])') as HTMLElement;
      expect(getComputedStyle(own).backgroundColor).not.toBe(getComputedStyle(other).backgroundColor);
      for (const node of root.querySelectorAll<HTMLElement>('td, th button, p'))
        expect(Number.parseFloat(getComputedStyle(node).fontSize)).toBeGreaterThanOrEqual(16);
      expect(await violations(el)).toEqual([]);
    } finally {
      document.body.style.width = '';
    }
  });

  it('keeps the table at desktop width', async () => {
    document.body.style.width = '1024px';
    try {
      const { el } = await fundElement();
      const own = el.shadowRoot?.querySelector('tr[aria-current=true]') as HTMLElement;
      expect(getComputedStyle(own).display).toBe('table-row');
    } finally {
      document.body.style.width = '';
    }
  });

  it('tells an exempt household that it is exempt, and why', async () => {
    const { gov } = await stairwell(6);
    await must(
      gov,
      {
        type: 'scheme.define',
        id: 'lift',
        name: '电梯分摊',
        scope: { kind: 'stairwell', id: 's1' },
        basis: { kind: 'floorCoefficients', coefficients: { '1': 0, '2': 80, '3': 100 } },
        exemptions: [{ unitId: 'u302', reason: '低保户' }],
      },
      { type: 'fund.open', id: 'f', name: '96号楼电梯', budget: 1_000_000 },
      { type: 'fund.pledge', fundId: 'f', schemeId: 'lift', cost: 1_000_000, due: '2026-12-31' },
    );
    const el = await mount<LinliFund>(
      '<linli-fund fund="f" household="u302" lang="zh-CN"></linli-fund>',
      'linli-fund',
      (e) => {
        e.governance = gov;
      },
    );
    expect(el.shadowRoot?.querySelector('[part=exempt]')?.textContent).toBe(
      '您家（302室）免缴这笔费用。原因：低保户',
    );
    el.household = 'u301';
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('[part=exempt]')).toBeNull();
    el.household = 'u302';
    el.lang = 'en';
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('[part=exempt]')?.textContent).toBe(
      'Your household (Room 302) does not pay into this fund. Reason: 低保户',
    );
    expect(await violations(el)).toEqual([]);
  });
});

const cells = (el: LinliFund) =>
  [...(el.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
  );

describe('<linli-fund>', () => {
  it('shows each unit’s share, payments and arrears, with totals that reconcile to the fen', async () => {
    const { el } = await fundElement();
    const rows = cells(el);
    expect(rows.map((r) => r[0])).toEqual(['201', '202', '301', '302']); // floor 1 pays nothing: no pledge
    const total = el.shadowRoot?.querySelector('[part=total]')?.textContent?.replace(/\s+/g, ' ');
    expect(total).toContain('¥10,000.00');
    const fen = (s: string | undefined) => Math.round(Number((s ?? '').replace(/[¥,]/g, '')) * 100);
    expect(rows.reduce((sum, r) => sum + fen(r[4]), 0)).toBe(1_000_000);
    expect(el.shadowRoot?.querySelector('tr[aria-current=true]')?.textContent).toContain('301');
    expect(el.shadowRoot?.textContent).toContain('电梯');
    expect(await violations(el)).toEqual([]);
  });

  it('sorts by a column, with aria-sort', async () => {
    const { el } = await fundElement('en');
    const header = (name: string) =>
      [...(el.shadowRoot?.querySelectorAll('th') ?? [])].find((th) =>
        th.textContent?.includes(name),
      ) as HTMLElement;
    await userEvent.click(header('Arrears').querySelector('button') as HTMLButtonElement);
    await userEvent.click(header('Arrears').querySelector('button') as HTMLButtonElement);
    await el.updateComplete;
    expect(header('Arrears').getAttribute('aria-sort')).toBe('descending');
    const arrears = cells(el).map((r) => Number((r[6] ?? '').replace(/[¥,]/g, '')));
    expect(arrears).toEqual([...arrears].sort((a, b) => b - a));
  });

  it('downloads the table as CSV with a BOM', async () => {
    const { el } = await fundElement('en');
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await userEvent.click(
      [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) =>
        b.textContent?.includes('CSV'),
      ) as HTMLButtonElement,
    );
    const bytes = new Uint8Array(await (blobs[0] as Blob).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(await (blobs[0] as Blob).text()).toContain('合计 Total');
  });

  it('passes axe (contrast included) in dark mode on a dark page', async () => {
    await onDarkPage(async () => {
      const { el } = await fundElement();
      expect(await violations(el)).toEqual([]);
    });
  });
});
