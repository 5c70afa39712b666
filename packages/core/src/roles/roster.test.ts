import { describe, expect, it } from 'vitest';
import { building96, must } from '../../test/fixtures.js';
import { publishView, viewGovernance } from '../governance/published-view.js';
import type { LocalDate } from '../time/local-date.js';
import { roleContacts, rolesRoster } from './roster.js';

async function staffed() {
  const setup = await building96('2026-02-01T00:00:00Z');
  await must(
    setup.governance,
    { type: 'role.defineStandard', buildingId: 'b96', termMonths: 36 },
    { type: 'resident.moveIn', unitId: 'u101', id: 'zhang', name: '张阿姨', date: '2010-01-01' },
    { type: 'resident.moveIn', unitId: 'u201', id: 'r201', date: '2010-01-01' },
    {
      type: 'role.appoint',
      roleId: 'b96-head',
      holder: 'zhang',
      reason: '推荐',
      from: '2026-01-15',
      id: 't-head',
      contact: '138 0000 0101',
    },
    { type: 'role.appoint', roleId: 'b96-weather', holder: 'r201', reason: '推荐', id: 't-weather' },
  );
  return setup;
}

describe('roles roster: what the published view shows', () => {
  it('names holders as the register does, with their terms, and lists vacant seats', async () => {
    const { governance } = await staffed();
    const [b96] = governance.roles();
    expect(b96?.buildingId).toBe('b96');
    const head = b96?.roles.find((r) => r.id === 'b96-head');
    expect(head).toMatchObject({
      name: { 'zh-CN': '楼组长' },
      vacancies: 0,
      holders: [{ termId: 't-head', name: '张阿姨', from: '2026-01-15', until: '2029-01-15' }],
    });
    // A resident without a name in the register shows as the room, never as the internal id.
    expect(b96?.roles.find((r) => r.id === 'b96-weather')?.holders[0]?.name).toBe('201');
    expect(b96?.roles.filter((r) => r.vacancies === 1).map((r) => r.id)).toHaveLength(4);
  });

  it('never puts a shared contact into the published view', async () => {
    const { governance } = await staffed();
    const view = publishView(governance, {
      asOf: '2026-02-01' as LocalDate,
      rosterUntil: '2026-03-01' as LocalDate,
    });
    expect(view.roles?.[0]?.roles[0]?.holders[0]?.name).toBe('张阿姨');
    expect(JSON.stringify(view)).not.toContain('138 0000 0101');
    expect(viewGovernance(view).roles()).toEqual(view.roles);
    expect(viewGovernance({ ...view, roles: undefined } as never).roles()).toEqual([]);
  });

  it('gives out a contact only while the holder consents and holds the seat', async () => {
    const { governance, clock } = await staffed();
    const today = '2026-02-01' as LocalDate;
    const contacts = () => governance.read((s) => roleContacts(s.community, s.roles, today));
    expect(contacts()).toEqual([
      { termId: 't-head', roleId: 'b96-head', buildingId: 'b96', name: '张阿姨', contact: '138 0000 0101' },
    ]);
    await must(
      governance,
      { type: 'role.withdrawContact', termId: 't-head' },
      { type: 'role.shareContact', termId: 't-weather', contact: '2 号楼 201 室，晚上在家' },
    );
    expect(contacts().map((c) => c.termId)).toEqual(['t-weather']);
    await must(governance, { type: 'role.resign', termId: 't-weather', reason: '搬家' });
    expect(governance.read((s) => roleContacts(s.community, s.roles, '2026-02-02' as LocalDate))).toEqual([]);
    clock.set('2026-03-01T00:00:00Z');
    const late = await governance.execute({ type: 'role.shareContact', termId: 't-weather', contact: 'x' });
    expect(late.ok || late.error.code).toBe('role.term_not_active');
  });

  it('leaves out buildings without roles', async () => {
    const { governance } = await building96('2026-02-01T00:00:00Z');
    expect(governance.read((s) => rolesRoster(s.community, s.roles, '2026-02-01' as LocalDate))).toEqual([]);
  });
});
