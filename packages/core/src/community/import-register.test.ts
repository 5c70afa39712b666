import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGovernance, type Governance } from '../governance/governance.js';
import { MemoryStore } from '../log/memory-store.js';
import { parseRegister } from '../register/parse-register.js';
import { registerCommand } from '../register/plan.js';
import type { RegisterRow } from '../register/types.js';
import { building96Commands } from '../seed/building-96.js';
import { openMotionCommands } from '../testing/motion.js';
import { fixedClock } from '../time/clock.js';
import { sequentialIds } from '../time/ids.js';
import { ownersOn } from './queries.js';

async function governance(commands: readonly unknown[]): Promise<Governance> {
  const gov = await createGovernance({
    store: new MemoryStore(),
    clock: fixedClock('2026-11-29T02:00:00Z'),
    ids: sequentialIds(),
  });
  for (const command of commands) {
    const result = await gov.execute(command);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
  }
  return gov;
}

const founded = () => governance([{ type: 'community.found', name: '新福康里', id: 'xfkl' }]);

const row = (room: string, owners: string[], extra: Partial<RegisterRow> = {}): RegisterRow => ({
  building: '96号楼',
  stairwell: '1单元',
  room,
  floor: Number(room.slice(0, -2)),
  area: 7532,
  areaSource: 'registered',
  owners,
  developer: owners.length === 0,
  ...extra,
});

const importOf = (rows: readonly RegisterRow[], date?: string) => ({
  type: 'register.import',
  rows,
  ...(date ? { date } : {}),
});

const typesOf = (events: readonly { type: string }[]) => events.map((e) => e.type);

describe('register.import', () => {
  it('sets up a community from a GBK register in one append, and the same file twice adds nothing', async () => {
    const gov = await founded();
    const parsed = parseRegister(
      readFileSync(new URL('../register/fixtures/register-gbk.csv', import.meta.url)),
    );
    const command = registerCommand(parsed);
    if (!command.ok) throw new Error(command.error.code);
    const first = await gov.execute(command.value);
    if (!first.ok) throw new Error(first.error.code);
    // one append: consecutive seqs from one command
    expect(new Set(first.value.map((e) => e.seq)).size).toBe(first.value.length);
    const units = gov.snapshot().community.units;
    expect(units.map((u) => [u.room, u.floor, u.areas.registered])).toEqual([
      ['101', 1, 7532],
      ['102', 1, 8868],
      ['201', 2, 7532],
      ['202', 2, 8868],
      ['301', 3, 7532],
      ['302', 3, 8868],
    ]);
    const owners = gov.snapshot().community.owners;
    expect(owners.map((o) => [o.name, o.kind, o.developer])).toContainEqual(['开发商', 'organisation', true]);
    const u101 = units[0];
    expect(u101 && ownersOn(u101).map((id) => owners.find((o) => o.id === id)?.name)).toEqual([
      '张伟',
      '李娜',
      '王芳',
    ]);
    expect(owners.find((o) => o.name === '张伟')?.contact).toEqual({ phone: '138 0013 8000' });
    const head = gov.head.value;
    const again = await gov.execute(command.value);
    expect(again).toEqual({ ok: true, value: [] });
    expect(gov.head.value).toEqual(head);
  });

  it('import(rows) twice is the same as once, for any register (property)', async () => {
    const names = fc.constantFrom('甲', '乙', '丙', '丁', '新福康里置业');
    const arbRow = fc.record({
      building: fc.constantFrom('96号楼', '97号楼'),
      stairwell: fc.constantFrom('1单元', '2单元'),
      room: fc.constantFrom('101', '102', '201', '0301'),
      floor: fc.integer({ min: -2, max: 30 }),
      area: fc.integer({ min: 1, max: 50_000 }),
      areaSource: fc.constantFrom('registered' as const, 'surveyed' as const, 'contract' as const),
      owners: fc.uniqueArray(names, { maxLength: 3 }),
      developer: fc.boolean(),
    });
    const rows = fc.uniqueArray(arbRow, {
      minLength: 1,
      maxLength: 12,
      selector: (r) => `${r.building}/${r.stairwell}/${r.room}`,
    });
    await fc.assert(
      fc.asyncProperty(rows, async (register) => {
        const gov = await founded();
        const once = await gov.execute(importOf(register));
        expect(once.ok).toBe(true);
        const snapshot = gov.snapshot();
        expect(await gov.execute(importOf(register))).toEqual({ ok: true, value: [] });
        expect(gov.snapshot()).toEqual(snapshot);
      }),
      { numRuns: 60 },
    );
  });

  it('applies a corrected register by building, stairwell and room, as events dated on the import', async () => {
    const gov = await governance(building96Commands({ residents: true }));
    const before = gov.snapshot().community;
    const result = await gov.execute(
      importOf(
        [
          row('101', ['101室业主', '赵敏'], { area: 7540 }),
          row('102', ['102室业主'], { area: 8868 }),
          row('103', ['钱进'], { floor: 1 }),
        ],
        '2026-11-01',
      ),
    );
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.map((e) => [e.type, e.payload])).toEqual([
      ['unit.areaRecorded', { unitId: 'u101', area: 7540, areaSource: 'registered' }],
      ['owner.registered', { ownerId: 'owner-1', name: '赵敏', kind: 'person', developer: false }],
      ['unit.transferred', { unitId: 'u101', ownerIds: ['o101', 'owner-1'], date: '2026-11-01' }],
      [
        'unit.added',
        { unitId: 'unit-1', stairwellId: 's1', room: '103', floor: 1, area: 7532, areaSource: 'registered' },
      ],
      ['owner.registered', { ownerId: 'owner-2', name: '钱进', kind: 'person', developer: false }],
      ['unit.transferred', { unitId: 'unit-1', ownerIds: ['owner-2'], date: '2026-11-01' }],
    ]);
    const after = gov.snapshot().community;
    const u101 = after.units.find((u) => u.id === 'u101');
    expect(u101 && ownersOn(u101, '2026-10-31' as never)).toEqual(['o101']);
    expect(after.units.length).toBe(before.units.length + 1);
    expect(after.buildings).toEqual(before.buildings);
  });

  it('never changes an open motion: its electorate was frozen when it opened', async () => {
    const gov = await governance([
      ...building96Commands({ residents: true }),
      ...openMotionCommands({ id: 'lift', title: '加装电梯', kind: 'proposal', rule: 'civilCode278.major' }),
    ]);
    const motion = () => gov.snapshot().voting.motions.find((m) => m.motion.id === 'lift')?.motion;
    const frozen = structuredClone(motion());
    expect(frozen?.status).toBe('open');
    const result = await gov.execute(importOf([row('101', ['新业主']), row('103', ['钱进'])]));
    expect(result.ok && typesOf(result.value)).toContain('unit.transferred');
    expect(motion()).toEqual(frozen);
  });

  it('refuses a register that breaks a rule and appends nothing', async () => {
    const gov = await governance(building96Commands({ residents: false }));
    const head = gov.head.value;
    const duplicate = await gov.execute(importOf([row('103', ['甲']), row('103', ['乙'])]));
    expect(!duplicate.ok && [duplicate.error.code, duplicate.error.path]).toEqual([
      'unit.duplicate_room',
      ['rows', 1, 'room'],
    ]);
    const backdated = await gov.execute(importOf([row('103', ['甲']), row('101', ['乙'])], '2010-01-01'));
    expect(!backdated.ok && [backdated.error.code, backdated.error.path]).toEqual([
      'ownership.out_of_order',
      ['rows', 1, 'owners'],
    ]);
    const fractional = await gov.execute(importOf([row('103', ['甲'], { area: 75.32 })]));
    expect(!fractional.ok && fractional.error.path).toEqual(['rows', 0, 'area']);
    expect(gov.head.value).toEqual(head);
  });

  it('needs a founded community', async () => {
    const gov = await governance([]);
    const result = await gov.execute(importOf([row('101', ['甲'])]));
    expect(!result.ok && result.error.code).toBe('community.not_founded');
  });
});
