import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGovernance, type Governance } from '../governance/governance.js';
import { MemoryStore } from '../log/memory-store.js';
import { building96Commands } from '../seed/building-96.js';
import { fixedClock } from '../time/clock.js';
import { sequentialIds } from '../time/ids.js';
import { registerFromRecords, registerToCsv, registerToXlsx } from './export.js';
import { parseRegister } from './parse-register.js';
import { planRegisterImport, registerCommand } from './plan.js';
import type { NumberedRegisterRow, RegisterRow } from './types.js';

async function building96(): Promise<Governance> {
  const gov = await createGovernance({
    store: new MemoryStore(),
    clock: fixedClock('2026-11-29T02:00:00Z'),
    ids: sequentialIds(),
  });
  for (const command of building96Commands({ residents: true })) await gov.execute(command);
  return gov;
}

const withoutLines = (rows: readonly NumberedRegisterRow[]): RegisterRow[] =>
  rows.map(({ line: _, ...row }) => row);

describe('register export', () => {
  it('lists the seed’s Building 96: 12 units, 王建国 twice, 602 the developer’s', async () => {
    const rows = registerFromRecords((await building96()).snapshot().community);
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual({
      building: '96号楼',
      stairwell: '1单元',
      room: '101',
      floor: 1,
      area: 7532,
      areaSource: 'registered',
      owners: ['101室业主'],
      developer: false,
      moveIn: '2012-06-01',
    });
    expect(rows.filter((r) => r.owners[0] === '王建国').map((r) => r.room)).toEqual(['501', '502']);
    expect(rows.at(-1)).toMatchObject({ room: '602', owners: ['新福康里置业'], developer: true });
  });

  it('round-trips Building 96 through CSV and .xlsx: export → parse → the same rows, and re-import adds nothing', async () => {
    const gov = await building96();
    const records = gov.snapshot().community;
    const rows = registerFromRecords(records);
    const csv = registerToCsv(rows);
    expect(
      csv.startsWith('\uFEFF楼号,单元,室号,楼层,面积,面积来源,产权人,共有人,开发商,联系电话,入住日期\r\n'),
    ).toBe(true);
    expect(csv).toContain('\r\n96号楼,1单元,101,1,75.32,登记,101室业主,,,,2012-06-01\r\n');
    for (const [bytes, filename] of [
      [new TextEncoder().encode(csv), 'b96.csv'],
      [registerToXlsx(rows), 'b96.xlsx'],
    ] as const) {
      const parsed = parseRegister(bytes, { filename });
      expect(parsed.problems).toEqual([]);
      expect(withoutLines(parsed.rows)).toEqual(rows);
      const command = registerCommand(parsed);
      if (!command.ok) throw new Error(command.error.code);
      const plan = planRegisterImport(records, command.value, '2026-11-29');
      expect(plan).toEqual({ ok: true, value: { events: [], counts: {} } });
      expect(await gov.execute(command.value)).toEqual({ ok: true, value: [] });
    }
  });

  it('reads the committed .xlsx fixture (made by this export) as Building 96', async () => {
    const rows = registerFromRecords((await building96()).snapshot().community);
    const fixture = readFileSync(new URL('./fixtures/building-96.xlsx', import.meta.url));
    expect(withoutLines(parseRegister(fixture, { filename: 'building-96.xlsx' }).rows)).toEqual(rows);
  });

  it('guards text a spreadsheet would run as a formula, in CSV and in .xlsx', () => {
    const evil: RegisterRow = {
      building: '=HYPERLINK("http://x")',
      stairwell: '1单元',
      room: '101',
      floor: 1,
      area: 7532,
      areaSource: 'contract',
      owners: ['@SUM(1)', '+1'],
      developer: false,
      phone: '13800138000',
    };
    const csv = registerToCsv([evil]);
    expect(csv).toContain(
      `"'=HYPERLINK(""http://x"")",1单元,101,1,75.32,合同,"'@SUM(1)","'+1",,13800138000,`,
    );
    const parsed = parseRegister(registerToXlsx([evil]));
    expect(parsed.rows[0]).toMatchObject({
      building: evil.building,
      owners: evil.owners,
      areaSource: 'contract',
    });
  });
});

describe('planRegisterImport and registerCommand', () => {
  it('previews exactly the events the command would append, and counts them', async () => {
    const gov = await building96();
    const records = gov.snapshot().community;
    const rows = registerFromRecords(records);
    const changed = rows.map((r) => (r.room === '101' ? { ...r, owners: ['赵敏'] } : r));
    const command = {
      type: 'register.import' as const,
      rows: [...changed, { ...changed[0], room: '103' } as RegisterRow],
    };
    const plan = planRegisterImport(records, command, '2026-11-29');
    expect(plan.ok && plan.value.counts).toEqual({
      'owner.registered': 1,
      'unit.transferred': 2,
      'unit.added': 1,
      'resident.movedIn': 1,
    });
    const result = await gov.execute(command);
    expect(result.ok && result.value.map((e) => e.type)).toEqual(
      plan.ok && plan.value.events.map((e) => e.type),
    );
  });

  it('refuses to build the command while the preview lists problems, or has no rows', () => {
    const parsed = parseRegister(new TextEncoder().encode('楼号,室号,面积\n96,101,abc\n'));
    const refused = registerCommand(parsed);
    expect(!refused.ok && refused.error.code).toBe('register.has_problems');
    expect(!refused.ok && refused.error.message.en).toBe(
      'The register still has 1 problems; correct them first',
    );
    expect(registerCommand({ rows: [], problems: [] }).ok).toBe(false);
  });
});
