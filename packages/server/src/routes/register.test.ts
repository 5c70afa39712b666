import { readFileSync } from 'node:fs';
import { createGovernance, fixedClock, type LinliError, type LocalDate, MemoryStore } from '@linli/core';
import type { RegisterPreview } from '@linli/core/register';
import { parseRegister, type RegisterRow, registerToXlsx } from '@linli/core/register';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { SqliteAuthStore } from '../auth/sqlite-auth-store.js';
import type { HostedCommunity } from '../http/env.js';
import type { RegisterImported } from './register.js';

const fixture = (name: string): Uint8Array =>
  readFileSync(new URL(`../../../core/src/register/fixtures/${name}`, import.meta.url));

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A founded community with no units yet, an organizer named 王主任, and one household session. */
async function emptyCommunity() {
  const store = new MemoryStore();
  const clock = fixedClock('2026-11-30T02:00:00Z');
  const governance = await createGovernance({ store, clock, actor: 'organizer' });
  await governance.execute({ type: 'community.found', name: '新福康里' });
  const auth = SqliteAuthStore.open(':memory:', 'nfk');
  const { organizer, token } = await auth.addOrganizer('王主任', 'residents-committee');
  const community: HostedCommunity = { id: 'nfk', store, governance, auth, origins: [] };
  closers.push(async () => {
    governance.dispose();
    await auth.close();
  });
  const app = createApp(new Map([['nfk', community]]), { clock });
  const logLength = async () => (await store.read()).length;
  return { app, governance, store, auth, organizer, token, logLength };
}

type Upload = { bytes: Uint8Array | string; name: string; mapping?: string; date?: string };

function form({ bytes, name, mapping, date }: Upload): FormData {
  const body = new FormData();
  body.set('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name));
  if (mapping !== undefined) body.set('mapping', mapping);
  if (date !== undefined) body.set('date', date);
  return body;
}

async function post(
  app: Awaited<ReturnType<typeof emptyCommunity>>['app'],
  route: 'preview' | 'import',
  body: FormData | string,
  token?: string,
) {
  return app.request(`/c/nfk/register/${route}`, {
    method: 'POST',
    body,
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
}

const errorOf = async (response: Response) => ((await response.json()) as { error: LinliError }).error;

/** A UTF-8 CSV with a BOM, as Excel's "CSV UTF-8" saves it: a title row above the header, ㎡, 0301. */
const BOM_CSV = `\uFEFF新福康里房屋清册,,,,\r\n楼号,单元,室号,建筑面积,产权人,共有人\r\n96,1,0301,75.32㎡,陈老师,陈师母、陈小明\r\n96,1,302,88.68平方米,开发商,\r\n,,,,,\r\n`;

describe('POST /c/:id/register/preview', () => {
  it('reads an .xlsx register and says what importing it would add, writing nothing', async () => {
    const { app, token, logLength } = await emptyCommunity();
    const before = await logLength();
    const response = await post(
      app,
      'preview',
      form({ bytes: fixture('building-96.xlsx'), name: '清册.xlsx' }),
      token,
    );
    expect(response.status).toBe(200);
    const preview = (await response.json()) as RegisterPreview;
    expect(preview.problems).toEqual([]);
    expect(preview.rowCount).toBeGreaterThan(0);
    expect(preview.rows.length).toBe(preview.rowCount);
    expect(preview.columns.some((c) => c.field === 'room')).toBe(true);
    expect(preview.plan.ok && preview.plan.counts['unit.added']).toBe(preview.rowCount);
    expect(preview.date).toBe('2026-11-30');
    expect(await logLength()).toBe(before);
  });

  it('decodes a GBK CSV from Chinese Excel: title rows, full-width digits, 0101, co-owners, the developer', async () => {
    const { app, token } = await emptyCommunity();
    const response = await post(
      app,
      'preview',
      form({ bytes: fixture('register-gbk.csv'), name: '清册.csv' }),
      token,
    );
    const preview = (await response.json()) as RegisterPreview;
    expect(preview.headerLine).toBe(3);
    expect(preview.problems).toEqual([]);
    expect(preview.rows.map((r) => [r.line, r.room, r.area, r.owners.join('|'), r.developer])).toEqual([
      [4, '101', 7532, '张伟|李娜|王芳', false],
      [5, '102', 8868, '赵敏', false],
      [6, '201', 7532, '钱进|孙丽', false],
      [7, '202', 8868, '', true],
      [8, '301', 7532, '', true],
      [9, '302', 8868, '周杰|吴昊', false],
    ]);
    expect(preview.plan.ok && preview.plan.changes).toBeGreaterThan(6);
  });

  it('reads a UTF-8 CSV with a BOM', async () => {
    const { app, token } = await emptyCommunity();
    const response = await post(app, 'preview', form({ bytes: BOM_CSV, name: 'register.csv' }), token);
    const preview = (await response.json()) as RegisterPreview;
    expect(preview.columns[0]).toEqual({ header: '楼号', field: 'building' });
    expect(preview.rows.map((r) => `${r.building} ${r.room} ${r.owners.join('、')}`)).toEqual([
      '96号楼 301 陈老师、陈师母、陈小明',
      '96号楼 302 ',
    ]);
  });

  it('lists every field with its zh-CN and en label for the mapping step', async () => {
    const { app, token } = await emptyCommunity();
    const preview = (await (
      await post(app, 'preview', form({ bytes: BOM_CSV, name: 'r.csv' }), token)
    ).json()) as RegisterPreview;
    const fields = preview.fields.map((f) => f.field).sort();
    expect(fields).toEqual(Object.keys((await import('@linli/core/register')).REGISTER_HEADERS).sort());
    expect(preview.fields.find((f) => f.field === 'area')?.label).toEqual({
      'zh-CN': '面积（㎡）',
      en: 'Area (m²)',
    });
  });

  it('takes a mapping that names headers Linli does not know, and ignores a column mapped to null', async () => {
    const { app, token } = await emptyCommunity();
    const csv = 'Block,Flat,Size,Holder,Remark\n7,0502,66.1,刘洋,old note\n';
    const unmapped = (await (
      await post(app, 'preview', form({ bytes: csv, name: 'r.csv' }), token)
    ).json()) as RegisterPreview;
    expect(unmapped.problems.map((p) => p.error.code)).toEqual(['register.no_header']);
    // The mapping step needs the headers to offer: the fullest row near the top.
    expect(unmapped.columns.map((c) => c.header)).toEqual(['Block', 'Flat', 'Size', 'Holder', 'Remark']);
    expect(unmapped.plan).toMatchObject({ ok: false, error: { code: 'register.has_problems' } });
    const mapping = JSON.stringify({
      Block: 'building',
      Flat: 'room',
      Size: 'area',
      Holder: 'owner',
      Remark: null,
    });
    const mapped = (await (
      await post(app, 'preview', form({ bytes: csv, name: 'r.csv', mapping }), token)
    ).json()) as RegisterPreview;
    expect(mapped.problems).toEqual([]);
    expect(mapped.columns.map((c) => c.field)).toEqual(['building', 'room', 'area', 'owner', null]);
    expect(mapped.rows[0]).toMatchObject({ building: '7号楼', room: '502', area: 6610, owners: ['刘洋'] });
  });

  it('lists each problem with its row, column and a zh-CN and en message, and plans nothing', async () => {
    const { app, token } = await emptyCommunity();
    const csv = '楼号,室号,面积\n1,101,75.3.2\n1,102,60\n';
    const preview = (await (
      await post(app, 'preview', form({ bytes: csv, name: 'r.csv' }), token)
    ).json()) as RegisterPreview;
    expect(preview.problems).toHaveLength(1);
    expect(preview.problems[0]).toMatchObject({
      line: 2,
      column: '面积',
      error: { code: 'register.bad_area' },
    });
    expect(preview.problems[0]?.error.message['zh-CN']).toBeTruthy();
    expect(preview.problemCount).toBe(1);
    expect(preview.plan).toMatchObject({ ok: false, error: { code: 'register.has_problems' } });
  });
});

describe('POST /c/:id/register/import', () => {
  it("applies the register as one command in the organizer's name; the same file again changes nothing", async () => {
    const { app, token, organizer, store, logLength } = await emptyCommunity();
    const upload = () => form({ bytes: fixture('register-gbk.csv'), name: '清册.csv' });
    const before = await logLength();
    const first = await post(app, 'import', upload(), token);
    expect(first.status).toBe(200);
    const imported = (await first.json()) as RegisterImported;
    expect(imported.upToDate).toBe(false);
    expect(imported.counts['unit.added']).toBe(6);
    const events = (await store.read()).slice(before);
    expect(events).toHaveLength(imported.changes);
    expect(new Set(events.map((e) => e.actor))).toEqual(new Set([`organizer/${organizer.id}`]));
    const households = await app.request('/c/nfk/households', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await households.json()) as { households: unknown[] }).households).toHaveLength(6);

    const again = await post(app, 'import', upload(), token);
    expect(await again.json()).toEqual({ changes: 0, counts: {}, upToDate: true });
    expect(await logLength()).toBe(before + imported.changes);
  });

  it('applies the mapping the preview used', async () => {
    const { app, token, governance } = await emptyCommunity();
    const csv = 'Block,Flat,Size\n7,0502,66.1\n';
    const mapping = JSON.stringify({ Block: 'building', Flat: 'room', Size: 'area' });
    const response = await post(app, 'import', form({ bytes: csv, name: 'r.csv', mapping }), token);
    expect(response.status).toBe(200);
    expect([...governance.snapshot().community.units].map((u) => u.room)).toEqual(['502']);
  });

  const refusals: {
    name: string;
    token: 'organizer' | 'household' | 'none';
    body: () => FormData | string;
    status: number;
    code: string;
    path?: unknown[];
  }[] = [
    {
      name: 'a household token',
      token: 'household',
      body: () => form({ bytes: BOM_CSV, name: 'r.csv' }),
      status: 403,
      code: 'auth.forbidden',
    },
    {
      name: 'no token',
      token: 'none',
      body: () => form({ bytes: BOM_CSV, name: 'r.csv' }),
      status: 401,
      code: 'auth.required',
    },
    {
      name: 'a register with a problem',
      token: 'organizer',
      body: () => form({ bytes: '楼号,室号,面积\n1,101,abc\n1,102,60\n', name: 'r.csv' }),
      status: 400,
      code: 'register.has_problems',
    },
    {
      name: 'a mapping that is not JSON',
      token: 'organizer',
      body: () => form({ bytes: BOM_CSV, name: 'r.csv', mapping: '{楼号: building' }),
      status: 400,
      code: 'http.bad_json',
      path: ['mapping'],
    },
    {
      name: 'a mapping to no field',
      token: 'organizer',
      body: () => form({ bytes: BOM_CSV, name: 'r.csv', mapping: '{"楼号":"tower"}' }),
      status: 400,
      code: 'validation.invalid_value',
      path: ['mapping', '楼号'],
    },
    {
      name: 'a date that does not exist',
      token: 'organizer',
      body: () => form({ bytes: BOM_CSV, name: 'r.csv', date: '2026-02-30' }),
      status: 400,
      code: 'date.invalid',
      path: ['date'],
    },
    {
      name: 'a JSON body instead of a form',
      token: 'organizer',
      body: () => JSON.stringify({ file: BOM_CSV }),
      status: 400,
      code: 'validation.invalid_type',
      path: ['file'],
    },
    {
      name: 'a file over the limit',
      token: 'organizer',
      body: () => form({ bytes: new Uint8Array(8 * 1024 * 1024 + 1), name: 'r.csv' }),
      status: 413,
      code: 'http.too_large',
    },
  ];

  it('refuses a multipart body it cannot read at the file, not as bad JSON, and imports nothing', async () => {
    const { app, token, logLength } = await emptyCommunity();
    const before = await logLength();
    const response = await app.request('/c/nfk/register/import', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=nothing' },
      body: 'not a multipart body at all',
    });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'validation.invalid_type', path: ['file'] });
    expect(await logLength()).toBe(before);
  });

  for (const refusal of refusals)
    it(`refuses ${refusal.name} and imports nothing`, async () => {
      const { app, token, auth, logLength } = await emptyCommunity();
      const household = (await auth.redeem(await auth.issueInviteCode('u1')))?.token;
      const tokens = { organizer: token, household, none: undefined };
      const before = await logLength();
      const response = await post(app, 'import', refusal.body(), tokens[refusal.token]);
      expect(response.status).toBe(refusal.status);
      const error = await errorOf(response);
      expect(error.code).toBe(refusal.code);
      if (refusal.path) expect(error.path).toEqual(refusal.path);
      expect(await logLength()).toBe(before);
    });
});

/** A register of `count` households as a committee's would be: three owners, a phone and a move-in date each. */
function bigRegister(count: number): RegisterRow[] {
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
  return Array.from({ length: count }, (_, i) => {
    const floor = 1 + Math.floor((i % 100) / 4);
    const name = (k: number) => `${surnames[(i + k * 7) % surnames.length]}业主${i}-${k}`;
    return {
      building: `${1 + Math.floor(i / 400)}号楼`,
      stairwell: `${1 + Math.floor((i % 400) / 100)}单元`,
      room: `${floor}0${1 + (i % 4)}`,
      floor,
      area: 6000 + ((i * 37) % 9000),
      areaSource: 'registered',
      owners: [name(0), name(1), name(2)],
      developer: false,
      phone: `139${String(10_000_000 + i).padStart(8, '0')}`,
      moveIn: '2015-06-01' as LocalDate,
    };
  });
}

describe('register size', () => {
  it('takes a 10,000-household .xlsx, far over the 64 KiB JSON limit, in one preview', async () => {
    const { app, token } = await emptyCommunity();
    const bytes = registerToXlsx(bigRegister(10_000));
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const response = await post(app, 'preview', form({ bytes, name: 'big.xlsx' }), token);
    expect(response.status).toBe(200);
    const preview = (await response.json()) as RegisterPreview;
    expect(preview.problems).toEqual([]);
    expect(preview.rowCount).toBe(10_000);
    expect(preview.rows).toHaveLength(200); // the screen gets the first rows and the total
    expect(preview.plan.ok && preview.plan.counts['unit.added']).toBe(10_000);
  }, 60_000);

  it('still refuses a JSON command body over 64 KiB', async () => {
    const { app, token } = await emptyCommunity();
    const response = await app.request('/c/nfk/commands', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ command: { type: 'community.found', name: 'x'.repeat(70 * 1024) } }),
    });
    expect(response.status).toBe(413);
  });
});

describe('GET /c/:id/register.csv and .xlsx', () => {
  it('exports the register as imported, as a download Excel opens, and it reads back the same', async () => {
    const { app, token } = await emptyCommunity();
    await post(app, 'import', form({ bytes: fixture('register-gbk.csv'), name: '清册.csv' }), token);
    const original = parseRegister(fixture('register-gbk.csv')).rows.map(({ line: _, ...row }) => row);
    for (const [extension, type] of [
      ['csv', 'text/csv; charset=utf-8'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ] as const) {
      const response = await app.request(`/c/nfk/register.${extension}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="register-nfk.${extension}"; filename*=UTF-8''${encodeURIComponent(`房屋清册-nfk.${extension}`)}`,
      );
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (extension === 'csv') expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const back = parseRegister(bytes, { filename: `r.${extension}` });
      expect(back.problems).toEqual([]);
      expect(back.rows.map(({ line: _, ...row }) => row)).toEqual(original);
    }
  });

  it("is the organizer's only: owners' names and phones are in it", async () => {
    const { app, auth } = await emptyCommunity();
    const household = (await auth.redeem(await auth.issueInviteCode('u1')))?.token;
    for (const extension of ['csv', 'xlsx']) {
      expect((await app.request(`/c/nfk/register.${extension}`)).status).toBe(401);
      const refused = await app.request(`/c/nfk/register.${extension}`, {
        headers: { authorization: `Bearer ${household}` },
      });
      expect(refused.status).toBe(403);
    }
  });
});
