import { describe, expect, it } from 'vitest';
import { building96, must } from '../../test/fixtures.js';
import type { LocalDate } from '../time/local-date.js';
import { addMonths } from './roles.js';
import { rolesOn } from './state.js';

describe('roles: one head, five specialists (一长五大)', () => {
  it('defines the six roles, seats an elected head, appoints specialists, and tracks vacancies and history', async () => {
    const { governance, clock } = await building96('2026-01-01T00:00:00Z');
    await must(governance, { type: 'role.defineStandard', buildingId: 'b96', termMonths: 36, termLimit: 2 });
    const roles = governance.read((s) => rolesOn(s.roles, 'b96', '2026-01-01' as LocalDate));
    expect(roles.map((r) => r.role.name['zh-CN'])).toEqual([
      '楼组长',
      '和谐宣传员',
      '文明示范员',
      '民间气象员',
      '矛盾调解员',
      '安全联防员',
    ]);
    expect(roles.every((r) => r.vacancies === 1)).toBe(true);

    // The head is elected by the households.
    await must(
      governance,
      { type: 'resident.moveIn', unitId: 'u101', id: 'zhang', name: '张阿姨', date: '2010-01-01' },
      { type: 'resident.moveIn', unitId: 'u201', id: 'li', name: '李师傅', date: '2010-01-01' },
      {
        type: 'motion.draft',
        id: 'head-2026',
        title: '选举楼组长',
        kind: 'single',
        options: [
          { id: 'zhang', label: '张阿姨' },
          { id: 'li', label: '李师傅' },
        ],
        scope: { kind: 'building', id: 'b96' },
        basis: 'households',
        rule: 'simpleMajority',
        closesAt: '2026-01-10T00:00:00Z',
      },
      { type: 'motion.open', motionId: 'head-2026' },
      { type: 'ballot.cast', motionId: 'head-2026', voterId: 'u101', option: 'zhang' },
      { type: 'ballot.cast', motionId: 'head-2026', voterId: 'u201', option: 'zhang' },
      { type: 'motion.close', motionId: 'head-2026' },
      { type: 'role.appointFromMotion', roleId: 'b96-head', motionId: 'head-2026', from: '2026-01-15' },
      {
        type: 'role.appoint',
        roleId: 'b96-weather',
        holder: '李师傅',
        reason: '居委会推荐，本人同意',
        from: '2026-01-15',
        id: 't-weather',
      },
    );
    const mid = governance.read((s) => rolesOn(s.roles, 'b96', '2026-06-01' as LocalDate));
    expect(mid.find((r) => r.role.id === 'b96-head')?.holders[0]).toMatchObject({
      holder: '张阿姨',
      until: '2029-01-15',
      source: { kind: 'motion', motionId: 'head-2026' },
    });
    expect(mid.filter((r) => r.vacancies === 1)).toHaveLength(4);

    const full = await governance.execute({
      type: 'role.appoint',
      roleId: 'b96-weather',
      holder: '王',
      reason: 'x',
      from: '2026-02-01',
    });
    expect(full.ok || full.error.code).toBe('role.no_vacancy');

    clock.set('2026-07-01T00:00:00Z');
    await must(governance, { type: 'role.resign', termId: 't-weather', reason: '搬家' });
    const after = governance.read((s) => rolesOn(s.roles, 'b96', '2026-07-02' as LocalDate));
    expect(after.find((r) => r.role.id === 'b96-weather')?.vacancies).toBe(1);
    expect(governance.read((s) => s.roles.terms.get('t-weather'))).toMatchObject({
      endedOn: '2026-07-01',
      endReason: '搬家',
    });
  });

  it('enforces term limits on consecutive terms', async () => {
    const { governance } = await building96('2020-01-01T00:00:00Z');
    await must(
      governance,
      {
        type: 'role.define',
        id: 'head',
        buildingId: 'b96',
        name: { 'zh-CN': '楼组长', en: 'Head' },
        termMonths: 24,
        termLimit: 2,
      },
      { type: 'role.appoint', roleId: 'head', holder: '张阿姨', reason: '首任', from: '2020-01-01' },
      { type: 'role.appoint', roleId: 'head', holder: '张阿姨', reason: '连任', from: '2022-01-01' },
    );
    const third = await governance.execute({
      type: 'role.appoint',
      roleId: 'head',
      holder: '张阿姨',
      reason: '再连任',
      from: '2024-01-01',
    });
    expect(third.ok || third.error).toMatchObject({
      code: 'role.term_limit',
      params: { holder: '张阿姨', limit: 2 },
    });
    await must(governance, {
      type: 'role.appoint',
      roleId: 'head',
      holder: '李师傅',
      reason: '换届',
      from: '2024-01-01',
    });
  });

  it('refuses a seat from an election without a result', async () => {
    const { governance } = await building96('2026-01-01T00:00:00Z');
    await must(
      governance,
      { type: 'role.defineStandard', buildingId: 'b96', termMonths: 36 },
      {
        type: 'motion.draft',
        id: 'm',
        title: 't',
        kind: 'single',
        options: [
          { id: 'a', label: 'A' },
          { id: 'b', label: 'B' },
        ],
        scope: { kind: 'building', id: 'b96' },
        basis: 'owners',
        rule: 'simpleMajority',
        closesAt: '2026-02-01T00:00:00Z',
      },
    );
    const result = await governance.execute({
      type: 'role.appointFromMotion',
      roleId: 'b96-head',
      motionId: 'm',
    });
    expect(result.ok || result.error.code).toBe('role.motion_not_decided');
  });

  it('fills only the role an election was drafted for', async () => {
    const { governance } = await building96('2026-01-01T00:00:00Z');
    await must(
      governance,
      { type: 'role.defineStandard', buildingId: 'b96', termMonths: 36 },
      { type: 'resident.moveIn', unitId: 'u101', id: 'zhang', name: '张阿姨', date: '2010-01-01' },
      {
        type: 'motion.draft',
        id: 'm',
        title: '选举楼组长',
        kind: 'single',
        options: [
          { id: 'a', label: '张阿姨' },
          { id: 'b', label: '李师傅' },
        ],
        scope: { kind: 'building', id: 'b96' },
        basis: 'households',
        rule: 'simpleMajority',
        electsRole: 'b96-head',
        closesAt: '2026-02-01T00:00:00Z',
      },
      { type: 'motion.open', motionId: 'm' },
      { type: 'ballot.cast', motionId: 'm', voterId: 'u101', option: 'a' },
      { type: 'motion.close', motionId: 'm' },
    );
    expect(governance.motions.value[0]?.electsRole).toBe('b96-head');
    const other = await governance.execute({
      type: 'role.appointFromMotion',
      roleId: 'b96-weather',
      motionId: 'm',
    });
    expect(other.ok || other.error).toMatchObject({
      code: 'role.motion_for_other_role',
      path: ['roleId'],
      params: { role: '楼组长' },
    });
    await must(governance, { type: 'role.appointFromMotion', roleId: 'b96-head', motionId: 'm' });
  });

  it('adds whole months, clamped to the end of shorter months', () => {
    expect(addMonths('2026-01-31' as LocalDate, 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15' as LocalDate, 36)).toBe('2029-11-15');
  });
});
