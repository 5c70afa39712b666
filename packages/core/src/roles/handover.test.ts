import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { building96, must } from '../../test/fixtures.js';
import { addDays } from '../rotation/calendar.js';
import type { LocalDate } from '../time/local-date.js';
import { rolesOn } from './state.js';

const head = (governance: Awaited<ReturnType<typeof building96>>['governance'], date: string) =>
  governance.read((s) => rolesOn(s.roles, 'b96', date as LocalDate).find((r) => r.role.id === 'b96-head'));

describe('roles: terms end, seats fall vacant, seats are handed over', () => {
  it('makes a seat vacant on the day its term ends', async () => {
    const { governance } = await building96('2026-01-01T00:00:00Z');
    await must(
      governance,
      { type: 'role.defineStandard', buildingId: 'b96', termMonths: 12 },
      {
        type: 'role.appoint',
        roleId: 'b96-head',
        holder: '张阿姨',
        reason: '推荐',
        from: '2026-01-15',
        id: 't1',
      },
    );
    expect(head(governance, '2027-01-14')?.vacancies).toBe(0);
    expect(head(governance, '2027-01-15')?.vacancies).toBe(1);
  });

  it('records the outgoing end and the incoming start together, on the same day', async () => {
    const { governance, store } = await building96('2026-06-01T00:00:00Z');
    await must(
      governance,
      { type: 'role.defineStandard', buildingId: 'b96', termMonths: 36 },
      {
        type: 'role.appoint',
        roleId: 'b96-head',
        holder: '张阿姨',
        reason: '推荐',
        from: '2026-01-15',
        id: 't1',
      },
    );
    const before = governance.head.value.seq;
    await must(governance, {
      type: 'role.handover',
      termId: 't1',
      holder: '李师傅',
      reason: '张阿姨搬家',
      id: 't2',
      contact: '138 0000 0000',
    });
    const events = await store.read({ afterSeq: before });
    expect(events.map((e) => e.type)).toEqual(['role.termEnded', 'role.termStarted']);
    expect(head(governance, '2026-05-31')?.holders.map((t) => t.holder)).toEqual(['张阿姨']);
    expect(head(governance, '2026-06-01')?.holders.map((t) => t.holder)).toEqual(['李师傅']);
    expect(governance.read((s) => s.roles.terms.get('t2'))).toMatchObject({
      from: '2026-06-01',
      until: '2029-06-01',
      source: { kind: 'handover', fromTermId: 't1' },
      sharedContact: '138 0000 0000',
    });
  });

  it('refuses a handover to someone at the term limit, and changes nothing', async () => {
    const { governance } = await building96('2024-01-01T00:00:00Z');
    await must(
      governance,
      { type: 'role.defineStandard', buildingId: 'b96', termMonths: 12, termLimit: 1 },
      { type: 'role.appoint', roleId: 'b96-head', holder: '李师傅', reason: '首任', from: '2022-06-01' },
      {
        type: 'role.appoint',
        roleId: 'b96-head',
        holder: '张阿姨',
        reason: '换届',
        from: '2023-06-01',
        id: 't1',
      },
    );
    const seq = governance.head.value.seq;
    const refused = await governance.execute({
      type: 'role.handover',
      termId: 't1',
      holder: '张阿姨',
      reason: 'x',
    });
    expect(refused.ok || refused.error.code).toBe('role.already_holds');
    // 李师傅's term ran up to 2023-06-01; taking the seat back that very day would be a second term in a row.
    const limited = await governance.execute({
      type: 'role.handover',
      termId: 't1',
      holder: '李师傅',
      reason: '回任',
      date: '2023-06-01',
    });
    expect(limited.ok || limited.error).toMatchObject({ code: 'role.term_limit', path: ['holder'] });
    expect(governance.head.value.seq).toBe(seq);
  });

  it('refuses a handover of a term not in force', async () => {
    const { governance } = await building96('2026-01-01T00:00:00Z');
    await must(
      governance,
      { type: 'role.defineStandard', buildingId: 'b96', termMonths: 12 },
      {
        type: 'role.appoint',
        roleId: 'b96-head',
        holder: '张阿姨',
        reason: '推荐',
        from: '2026-01-15',
        id: 't1',
      },
    );
    const refused = await governance.execute({
      type: 'role.handover',
      termId: 't1',
      holder: '李师傅',
      reason: 'x',
      date: '2027-02-01',
    });
    expect(refused.ok || refused.error.code).toBe('role.term_not_active');
  });

  it('a handover leaves every single-seat role held by exactly one holder on every day (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 364 }), async (offset) => {
        const { governance } = await building96('2026-01-01T00:00:00Z');
        await must(
          governance,
          { type: 'role.defineStandard', buildingId: 'b96', termMonths: 12 },
          {
            type: 'role.appoint',
            roleId: 'b96-head',
            holder: 'A',
            reason: 'r',
            from: '2026-01-01',
            id: 't1',
          },
        );
        const date = addDays('2026-01-01' as LocalDate, offset);
        await must(governance, { type: 'role.handover', termId: 't1', holder: 'B', reason: 'r', date });
        for (const probe of [addDays(date, -1), date, addDays(date, 1)]) {
          if (probe < '2026-01-01') continue;
          expect(head(governance, probe)?.holders).toHaveLength(1);
        }
        expect(head(governance, addDays(date, -1))?.holders[0]?.holder ?? 'B').toBe(offset === 0 ? 'B' : 'A');
        expect(head(governance, date)?.holders[0]?.holder).toBe('B');
      }),
      { numRuns: 25 },
    );
  });
});
