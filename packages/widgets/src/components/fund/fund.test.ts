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
  it('keeps its wide table inside a 320 px column: the table scrolls, the page does not', async () => {
    document.body.style.width = '320px';
    try {
      const { el } = await fundElement();
      expect(el.getBoundingClientRect().width).toBeLessThanOrEqual(320);
      expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth);
      const region = el.shadowRoot?.querySelector('[part=scroll]');
      expect(region?.getAttribute('role')).toBe('region');
      expect(region?.getAttribute('tabindex')).toBe('0');
      expect(await violations(el)).toEqual([]);
    } finally {
      document.body.style.width = '';
    }
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
