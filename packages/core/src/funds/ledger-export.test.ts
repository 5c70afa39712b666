import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { building96, must } from '../../test/fixtures.js';
import { ledgerXlsx } from '../register/ledger-xlsx.js';
import type { LocalDate } from '../time/local-date.js';
import { fundNotice } from './fund-notice.js';
import { type LedgerExportInput, ledgerCsv } from './ledger-export.js';

async function exportInput(locale: 'zh-CN' | 'en'): Promise<LedgerExportInput> {
  const { governance } = await building96();
  await must(
    governance,
    {
      type: 'scheme.define',
      id: 'eq',
      name: '平均',
      scope: { kind: 'stairwell', id: 's1' },
      basis: { kind: 'equal' },
    },
    { type: 'fund.open', id: 'f', name: '电梯', budget: 1_200_000 },
    { type: 'fund.pledge', fundId: 'f', schemeId: 'eq', cost: 120_000, due: '2026-12-31' },
    {
      type: 'fund.pay',
      fundId: 'f',
      unitId: 'u101',
      amount: 10_000,
      reference: '=HYPERLINK("x")',
      method: 'wechat',
    },
    {
      type: 'fund.income',
      fundId: 'f',
      amount: 5_000,
      relatedCosts: 1_000,
      source: '广告',
      invoice: 'INV-7',
    },
  );
  return governance.read((s) => {
    const notice = fundNotice(s.community, s.funds, 'f', '2026-11-29' as LocalDate);
    if (!notice) throw new Error('no fund');
    return {
      community: s.community,
      funds: s.funds,
      entries: s.funds.entries.get('f') ?? [],
      notice,
      locale,
    };
  });
}

describe('ledger exports', () => {
  it('CSV: BOM, headers in the page’s language, amounts in yuan, formula-like text guarded', async () => {
    const zh = ledgerCsv(await exportInput('zh-CN'));
    expect(zh.startsWith('\uFEFF日期,类别,房号,金额（元）')).toBe(true);
    const lines = zh.slice(1).trimEnd().split('\r\n');
    // 12 pledges, a payment, the income and its related costs.
    expect(lines).toHaveLength(1 + 12 + 3);
    expect(lines[13]).toMatch(/^2026-11-29,缴费,101,100\.00,"'=HYPERLINK\(""x""\)",微信,000001,[^,]*,/);
    expect(lines[14]).toMatch(/^2026-11-29,收入,,50\.00,INV-7,,,[^,]*,广告,/);
    const en = ledgerCsv(await exportInput('en'));
    expect(en.startsWith('\uFEFFDate,Kind,Room,Amount (¥)')).toBe(true);
  });

  it('xlsx: an entries sheet and a households sheet with a totals row, read from the XML itself', async () => {
    const files = unzipSync(ledgerXlsx(await exportInput('zh-CN')));
    const workbook = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array());
    expect([...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual(['流水', '各户']);
    const households = strFromU8(files['xl/worksheets/sheet2.xml'] ?? new Uint8Array());
    const rows = [...households.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)];
    expect(rows).toHaveLength(1 + 12 + 1);
    // The totals row: ¥1,200.00 shared, ¥100.00 paid, ¥1,100.00 owed, as number cells.
    expect(rows.at(-1)?.[2]).toContain(
      '<c r="C14"><v>1200.00</v></c><c r="D14"><v>100.00</v></c><c r="E14"><v>1100.00</v></c>',
    );
    expect(households).toContain('<t xml:space="preserve">合计</t>');
  });
});
