import { describe, expect, it } from 'vitest';
import { freshGovernance, must } from '../../test/fixtures.js';
import { stairwellCommands } from '../testing/stairwell.js';

const wage = (extra: Record<string, unknown> = {}) => ({
  type: 'charge.define',
  id: 'wage',
  fundId: 'door',
  openFund: { name: '门卫工资' },
  name: '门卫工资',
  monthlyAmount: 300_000,
  scope: { kind: 'stairwell', id: 's1' },
  start: '2027-01',
  dueDay: 25,
  ...extra,
});

async function stairwell() {
  const { governance } = await freshGovernance();
  await must(governance, ...stairwellCommands({ households: 2, residents: true }));
  return governance;
}

describe('charge.define with openFund', () => {
  it('opens the fund and defines the charge in it, together', async () => {
    const governance = await stairwell();
    await must(governance, wage());
    expect(governance.read((s) => s.funds.funds.get('door'))).toEqual({
      id: 'door',
      name: '门卫工资',
      budget: 0,
    });
    expect(governance.read((s) => s.funds.charges.get('wage')?.fundId)).toBe('door');
  });

  it.each([
    [{ end: '2026-12' }, 'charge.ends_before_start'],
    [{ fundId: 'taken' }, 'entity.duplicate_id'],
  ])('refuses %j with %s and opens no fund', async (extra, code) => {
    const governance = await stairwell();
    await must(governance, { type: 'fund.open', id: 'taken', name: '维修', budget: 0 });
    const before = governance.head.value;
    const result = await governance.execute(wage(extra));
    expect(result.ok ? undefined : result.error.code).toBe(code);
    expect(governance.head.value).toEqual(before);
    expect(governance.read((s) => [...s.funds.funds.keys()])).toEqual(['taken']);
  });
});
