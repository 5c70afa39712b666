import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fixedClock, fundNotice, type LinliError, type LocalDate } from '@linli/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { type TestCommunity, testCommunity } from '../testing/hosted-community.js';
import { exportLocale } from './fund-ledger.js';

let opened: TestCommunity | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

// After the seed's entries, which carry the day the test runs.
const TODAY = '2030-01-01';

async function app() {
  opened = await testCommunity();
  const { community, organizer, household } = opened;
  const served = createApp(new Map([['xfkl', community]]), { clock: fixedClock(`${TODAY}T04:00:00Z`) });
  const get = (path: string, token?: string, headers: Record<string, string> = {}) =>
    served.request(path, { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  return { get, organizer, household, community };
}

/** A workbook part as `unzip` (Info-ZIP, not the core's reader) extracts it. */
async function unzipPart(bytes: Uint8Array, part: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ledger-xlsx-'));
  try {
    await writeFile(join(dir, 'ledger.xlsx'), bytes);
    const { stdout } = await promisify(execFile)('unzip', ['-p', join(dir, 'ledger.xlsx'), part]);
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A worksheet's rows as text, each cell's value or inline string at its column (blank when absent). */
function sheetRows(xml: string): string[][] {
  return [...xml.matchAll(/<row r="\d+">(.*?)<\/row>/g)].map((row) => {
    const cells: string[] = [];
    const found = (row[1] ?? '').matchAll(
      /<c r="([A-Z])\d+"[^>]*>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g,
    );
    for (const cell of found) cells[(cell[1] ?? 'A').charCodeAt(0) - 65] = cell[2] ?? cell[3] ?? '';
    return Array.from(cells, (v) => v ?? '');
  });
}

describe('GET /c/:id/funds/:fund/ledger.csv and .xlsx', () => {
  it.each(['ledger.csv', 'ledger.xlsx'])('%s: the organizer only', async (file) => {
    const { get, organizer, household } = await app();
    const path = `/c/xfkl/funds/upkeep/${file}`;
    const anonymous = await get(path);
    expect(anonymous.status).toBe(401);
    const resident = await get(path, household);
    expect(resident.status).toBe(403);
    expect(((await resident.json()) as { error: LinliError }).error.code).toBe('auth.forbidden');
    expect((await get(path, organizer)).status).toBe(200);
    const unknown = await get('/c/xfkl/funds/nope/ledger.csv', organizer);
    expect(unknown.status).toBe(404);
  });

  it('CSV: a BOM, zh-CN headers by default or by Accept-Language, en by ?lang=en; every entry, parsed back', async () => {
    const { get, organizer, community } = await app();
    const zh = await get('/c/xfkl/funds/upkeep/ledger.csv', organizer);
    expect(zh.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(zh.headers.get('content-disposition')).toContain("filename*=UTF-8''%E7%94%B5%E6%A2%AF");
    const bytes = new Uint8Array(await zh.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = new TextDecoder()
      .decode(bytes)
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(rows[0]?.slice(0, 4)).toEqual(['日期', '类别', '房号', '金额（元）']);
    const entries = community.governance.read((s) => s.funds.entries.get('upkeep') ?? []);
    expect(rows).toHaveLength(1 + entries.length);
    const income = rows.find((r) => r[1] === '收入');
    expect(income?.slice(3, 10)).toEqual(['800.00', '', '', '', '', '电梯广告 2026-10', '电梯维保费']);
    const sum = rows.slice(1).reduce((a, r) => a + Math.round(Number(r[3]) * 100), 0);
    expect(sum).toBe(entries.reduce((a, e) => a + e.amount, 0));
    // `Response.text()` drops a BOM: read the bytes as they came.
    const text = async (r: Response) =>
      new TextDecoder('utf-8', { ignoreBOM: true }).decode(await r.arrayBuffer());
    const en = await text(await get('/c/xfkl/funds/upkeep/ledger.csv?lang=en', organizer));
    expect(en.startsWith('\uFEFFDate,Kind,Room,Amount (¥)')).toBe(true);
    const asked = await text(
      await get('/c/xfkl/funds/upkeep/ledger.csv', organizer, { 'accept-language': 'en-GB,en;q=0.8' }),
    );
    expect(asked.startsWith('\uFEFFDate,')).toBe(true);
  });

  it('xlsx: entries and households sheets whose figures are the core’s 公示, read with unzip', async () => {
    const { get, organizer, community } = await app();
    const answer = await get('/c/xfkl/funds/lift-fund/ledger.xlsx', organizer);
    expect(answer.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const bytes = new Uint8Array(await answer.arrayBuffer());
    const workbook = await unzipPart(bytes, 'xl/workbook.xml');
    expect([...workbook.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual(['流水', '各户']);
    const households = sheetRows(await unzipPart(bytes, 'xl/worksheets/sheet2.xml'));
    const notice = community.governance.read((s) =>
      fundNotice(s.community, s.funds, 'lift-fund', TODAY as LocalDate),
    );
    expect(households[0]).toEqual(['房号', '楼层', '应缴（元）', '已缴（元）', '欠缴（元）']);
    expect(
      households
        .slice(1, -1)
        .map((r) => [r[0], Math.round(Number(r[2]) * 100), Math.round(Number(r[3]) * 100)]),
    ).toEqual(notice?.households.map((h) => [h.room, h.share, h.paid]));
    const total = households.at(-1);
    expect(total?.[0]).toBe('合计');
    expect(total?.slice(2).map((v) => Math.round(Number(v) * 100))).toEqual([
      notice?.totals.share,
      notice?.totals.paid,
      notice?.totals.owed,
    ]);
    const entries = sheetRows(await unzipPart(bytes, 'xl/worksheets/sheet1.xml'));
    expect(entries.filter((r) => r[1] === '缴费').map((r) => r[3])).toEqual(['17019.94', '48628.41']);
  });

  it('picks the language: ?lang= first, then Accept-Language, else zh-CN', () => {
    expect(exportLocale('en', 'zh-CN')).toBe('en');
    expect(exportLocale(undefined, 'zh-TW,zh;q=0.9')).toBe('zh-CN');
    expect(exportLocale(undefined, 'fr-FR')).toBe('en');
    expect(exportLocale(undefined, undefined)).toBe('zh-CN');
  });
});
