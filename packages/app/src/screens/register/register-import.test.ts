import { type LocalDate, linliError } from '@linli/core';
import { REGISTER_FIELD_LABELS } from '@linli/core/register';
import axe from 'axe-core';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../../api/api-client.ts';
import './define.ts';
import type { RegisterImported, RegisterPreview } from './register-api.ts';
import { formatArea, type LinliRegisterImport } from './register-import.ts';

const FIELDS = REGISTER_FIELD_LABELS;

/** As the server answered a GBK register with one bad area (recorded from `POST /register/preview`). */
const withProblem: RegisterPreview = {
  file: '清册.csv',
  date: '2026-11-30' as LocalDate,
  headerLine: 3,
  columns: [
    { header: '楼号', field: 'building' },
    { header: '室号', field: 'room' },
    { header: '建筑面积(㎡)', field: 'area' },
    { header: '产权人', field: 'owner' },
    { header: '备注', field: null },
  ],
  fields: FIELDS,
  rows: [
    {
      line: 4,
      building: '96号楼',
      stairwell: '1单元',
      room: '101',
      floor: 1,
      area: 7532,
      areaSource: 'registered',
      owners: ['张伟', '李娜'],
      developer: false,
      phone: '13800138000',
    },
    {
      line: 6,
      building: '96号楼',
      stairwell: '1单元',
      room: '202',
      floor: 2,
      area: 8868,
      areaSource: 'registered',
      owners: [],
      developer: true,
    },
  ],
  rowCount: 2,
  problems: [
    { line: 5, column: '建筑面积(㎡)', error: linliError('register.bad_area', [], { value: '75.3.2' }) },
  ],
  problemCount: 1,
  plan: { ok: false, error: linliError('register.has_problems', [], { count: 1 }) },
};

const clean: RegisterPreview = {
  ...withProblem,
  problems: [],
  problemCount: 0,
  plan: {
    ok: true,
    changes: 5,
    counts: { 'building.added': 1, 'stairwell.added': 1, 'unit.added': 2, 'owner.registered': 1 },
  },
};

interface Sent {
  readonly path: string;
  readonly form: FormData;
}

/** An ApiClient whose server answers each route from `answers`, recording what was sent. */
function recorded(answers: Record<string, unknown[]>) {
  const sent: Sent[] = [];
  const fetch = async (path: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ path: String(path), form: init?.body as FormData });
    const answer = answers[String(path)]?.shift();
    const status = answer && typeof answer === 'object' && 'error' in answer ? 400 : 200;
    return new Response(JSON.stringify(answer), { status, headers: { 'content-type': 'application/json' } });
  };
  return { api: new ApiClient({ token: () => 'organizer-token', fetch }), sent };
}

const mounted: Element[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

async function mount(lang: string, api: ApiClient, width = '1000px'): Promise<LinliRegisterImport> {
  const page = document.createElement('main');
  page.lang = lang;
  page.style.width = width;
  const screen = document.createElement('linli-register-import');
  screen.community = 'nfk';
  screen.api = api;
  page.append(screen);
  document.body.append(page);
  mounted.push(page);
  await screen.updateComplete;
  return screen;
}

const $ = <T extends Element = HTMLElement>(screen: LinliRegisterImport, selector: string): T => {
  const found = screen.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

/** Chooses `file` in the file input, as a person does, and waits for the preview to render. */
const $$ = <T extends Element = HTMLElement>(screen: LinliRegisterImport, selector: string): T[] => [
  ...(screen.shadowRoot?.querySelectorAll<T>(selector) ?? []),
];

async function choose(screen: LinliRegisterImport, file = new File(['楼号,室号'], '清册.csv')) {
  const input = $<HTMLInputElement>(screen, '#file');
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
  await settled(screen);
}

async function settled(screen: LinliRegisterImport) {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await screen.updateComplete;
  }
}

async function axeViolations(el: Element): Promise<string[]> {
  const result = await axe.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('<linli-register-import>', () => {
  it('asks for the file with a labelled, keyboard-operable input in the page language', async () => {
    const zh = await mount('zh-CN', recorded({}).api);
    expect($(zh, 'label[for=file]').textContent).toBe('房屋清册 .xlsx / .csv');
    expect($<HTMLInputElement>(zh, '#file').accept).toContain('.xlsx');
    expect($(zh, 'h1').textContent).toBe('导入房屋清册');
    const en = await mount('en', recorded({}).api);
    expect($(en, 'h1').textContent).toBe('Import the housing register');
    (en.parentElement as HTMLElement).lang = 'zh-CN';
    await settled(en);
    expect($(en, 'h1').textContent).toBe('导入房屋清册');
  });

  it('previews: every problem by row, column and message; confirm stays disabled; focus on the summary', async () => {
    const { api, sent } = recorded({ '/c/nfk/register/preview': [withProblem] });
    const screen = await mount('zh-CN', api);
    await choose(screen);
    expect(sent.map((s) => s.path)).toEqual(['/c/nfk/register/preview']);
    expect((sent[0]?.form.get('file') as File | undefined)?.name).toBe('清册.csv');
    expect(sent[0]?.form.has('mapping')).toBe(false);
    expect(screen.shadowRoot?.activeElement?.id).toBe('summary');
    expect($(screen, 'ol.problems li').textContent?.replace(/\s+/g, ' ').trim()).toBe(
      `第 5 行，“建筑面积(㎡)”列：${withProblem.problems[0]?.error.message['zh-CN']}`,
    );
    expect($<HTMLButtonElement>(screen, '#confirm').disabled).toBe(true);
    $(screen, 'a[href="#problems"]').click();
    expect(screen.shadowRoot?.activeElement?.id).toBe('problems');
    const cells = $$(screen, 'tbody tr:last-child td').map((td) => td.textContent);
    expect(cells).toEqual(['6', '96号楼', '1单元', '202', '2', '88.68', '开发商（未售）', '']);
  });

  it('offers a select per header with every field and "ignore", and previews again with that mapping', async () => {
    const { api, sent } = recorded({ '/c/nfk/register/preview': [withProblem, clean] });
    const screen = await mount('en', api);
    await choose(screen);
    expect($<HTMLDetailsElement>(screen, 'details').open).toBe(true); // a column was not recognised
    const select = $<HTMLSelectElement>(screen, '#map-4');
    expect($(screen, 'label[for=map-4]').textContent).toBe('备注');
    expect([...select.options].map((o) => o.value)).toEqual(['', ...FIELDS.map((f) => f.field)]);
    expect(select.value).toBe('');
    expect($<HTMLSelectElement>(screen, '#map-2').selectedOptions[0]?.textContent).toBe(
      'Area (m²) (required)',
    );
    select.value = 'phone';
    select.dispatchEvent(new Event('change'));
    $(screen, 'details button').click();
    await settled(screen);
    expect(JSON.parse(String(sent[1]?.form.get('mapping')))).toEqual({
      楼号: 'building',
      室号: 'room',
      '建筑面积(㎡)': 'area',
      产权人: 'owner',
      备注: 'phone',
    });
    expect($<HTMLButtonElement>(screen, '#confirm').disabled).toBe(false);
    expect($(screen, 'ul.changes').textContent).toContain('Units added: 2');
  });

  it('imports only on confirm, with the mapping the preview used, then says what changed or that nothing did', async () => {
    const imported: RegisterImported = {
      changes: 5,
      counts: { 'unit.added': 2, 'building.added': 1 },
      upToDate: false,
    };
    const again: RegisterImported = { changes: 0, counts: {}, upToDate: true };
    const { api, sent } = recorded({
      '/c/nfk/register/preview': [withProblem, clean, clean],
      '/c/nfk/register/import': [imported, again],
    });
    const screen = await mount('zh-CN', api);
    await choose(screen);
    $(screen, 'details button').click();
    await settled(screen);
    expect(sent.filter((s) => s.path.endsWith('/import'))).toEqual([]);
    $(screen, '#confirm').click();
    await settled(screen);
    expect(sent.at(-1)?.path).toBe('/c/nfk/register/import');
    expect(sent.at(-1)?.form.get('mapping')).toBe(sent.at(-2)?.form.get('mapping'));
    expect(screen.shadowRoot?.activeElement?.id).toBe('done');
    expect($(screen, 'p.done').textContent).toBe('已写入 5 项变更，一次全部写入。');
    $(screen, '#done ~ .actions button').click();
    await settled(screen);
    expect(screen.shadowRoot?.activeElement?.id).toBe('file');
    await choose(screen);
    $(screen, '#confirm').click();
    await settled(screen);
    expect($(screen, 'p.done').textContent).toBe('已是最新：社区记录与这份清册一致，没有任何变化。');
  });

  it('names the confirm button by households, and offers no import when nothing would change', async () => {
    const upToDate: RegisterPreview = { ...clean, plan: { ok: true, changes: 0, counts: {} } };
    for (const [lang, label, nothingToDo] of [
      ['zh-CN', '导入 2 户', '已是最新，无需导入'],
      ['en', 'Import 2 households', 'Already up to date — nothing to import'],
    ] as const) {
      const { api } = recorded({ '/c/nfk/register/preview': [clean, upToDate] });
      const screen = await mount(lang, api);
      await choose(screen);
      expect($(screen, '#confirm').textContent?.trim()).toBe(label);
      await choose(screen);
      expect(screen.shadowRoot?.querySelector('#confirm:enabled')).toBeNull();
      expect($(screen, '#up-to-date').textContent?.trim()).toBe(nothingToDo);
    }
  });

  it('puts the summary and the confirm button before the rows, which wait behind "show all"', async () => {
    for (const [lang, show] of [
      ['zh-CN', '查看全部 2 户'],
      ['en', 'Show all 2 households'],
    ] as const) {
      const { api } = recorded({ '/c/nfk/register/preview': [clean] });
      const screen = await mount(lang, api, '360px');
      await choose(screen);
      const rows = $<HTMLDetailsElement>(screen, 'details.rows');
      expect(rows.open).toBe(false);
      expect($(screen, 'details.rows > summary').textContent?.trim()).toBe(show);
      const top = (selector: string) => $(screen, selector).getBoundingClientRect().top;
      expect(top('#summary')).toBeLessThan(top('#confirm'));
      expect(top('#confirm')).toBeLessThan(top('details.rows'));
      // Closed, the rows take one line; the confirm button is within a phone's first screens.
      expect(rows.getBoundingClientRect().height).toBeLessThan(100);
      rows.open = true;
      expect($(screen, 'tbody tr').getBoundingClientRect().height).toBeGreaterThan(0);
    }
  });

  it('writes Chinese with full-width colons, and English with one quote style', async () => {
    const { api } = recorded({ '/c/nfk/register/preview': [withProblem, clean] });
    const zh = await mount('zh-CN', api);
    await choose(zh);
    const text = () => zh.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text()).toContain('预览：清册.csv');
    expect(text()).toContain('第 5 行，“建筑面积(㎡)”列：');
    await choose(zh);
    expect(text()).toContain('新增楼栋：1');
    // No ASCII colon right after Chinese text anywhere on the screen.
    expect(text()).not.toMatch(/[\u3000-\u9fff\uff00-\uffef”）]\s*:/);
    const { api: enApi } = recorded({ '/c/nfk/register/preview': [withProblem] });
    const en = await mount('en', enApi);
    await choose(en);
    const english = en.shadowRoot?.textContent ?? '';
    expect(english).toContain('Row 5, column "建筑面积(㎡)": ');
    expect(english).not.toMatch(/[“”‘’]/);
  });

  it('shows a refusal inline in the page language and keeps the preview', async () => {
    const refused = { error: linliError('auth.forbidden') };
    const { api } = recorded({ '/c/nfk/register/preview': [clean], '/c/nfk/register/import': [refused] });
    const screen = await mount('en', api);
    await choose(screen);
    $(screen, '#confirm').click();
    await settled(screen);
    expect($(screen, '[role=alert]').textContent).toBe(refused.error.message.en);
    expect($(screen, '#summary').textContent).toContain('清册.csv');
  });

  it('fits a 360 px phone without sideways scrolling, with 44 px targets and text of at least 16 px', async () => {
    const { api } = recorded({ '/c/nfk/register/preview': [withProblem] });
    const screen = await mount('zh-CN', api, '360px');
    await choose(screen);
    expect(screen.scrollWidth).toBeLessThanOrEqual(360);
    for (const target of $$(screen, 'button, select, summary, a')) {
      const box = target.getBoundingClientRect();
      expect(box.height, target.outerHTML).toBeGreaterThanOrEqual(44);
      expect(box.width, target.outerHTML).toBeGreaterThanOrEqual(44);
    }
    for (const text of $$(screen, 'p, td, label, li'))
      expect(Number.parseFloat(getComputedStyle(text).fontSize)).toBeGreaterThanOrEqual(16);
    screen.largeText = true;
    await screen.updateComplete;
    expect(Number.parseFloat(getComputedStyle($(screen, 'td')).fontSize)).toBe(20);
  });

  it('has no axe violations at any step, in both languages', async () => {
    for (const lang of ['zh-CN', 'en']) {
      const { api } = recorded({ '/c/nfk/register/preview': [withProblem] });
      const screen = await mount(lang, api);
      expect(await axeViolations(screen)).toEqual([]);
      await choose(screen);
      expect(await axeViolations(screen)).toEqual([]);
    }
  });

  it('writes areas from integer hundredths without a float', () => {
    expect([7532, 8868, 6000, 5, 107530].map(formatArea)).toEqual([
      '75.32',
      '88.68',
      '60.00',
      '0.05',
      '1075.30',
    ]);
    // Every area reads back to the same hundredths: two decimals, never float noise.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (hundredths) => {
        const [whole, cents] = formatArea(hundredths).split('.');
        return cents?.length === 2 && BigInt(whole ?? '') * 100n + BigInt(cents) === BigInt(hundredths);
      }),
    );
  });
});
