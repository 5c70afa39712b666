import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { must } from '../../test/fixtures.js';
import { emptyCommunityState } from '../community/state.js';
import { seededGovernance } from '../seed/seeded-governance.js';
import type { LocalDate } from '../time/local-date.js';
import { householdAccounts } from './household-account.js';
import { householdStatement } from './household-statement.js';
import { summarizeLedger } from './ledger.js';
import { day, entryArb } from './ledger.test-support.js';
import { emptyFundsState } from './state.js';

const ASOF = '2026-11-29' as LocalDate;

describe('householdAccounts: what one household owes and why', () => {
  it('301 pays the elevator by floor coefficient × area after the subsidy, with its payment and due date', async () => {
    const { governance } = await seededGovernance();
    const accounts = governance.read((s) => householdAccounts(s.community, s.funds, 'u301', ASOF));
    const lift = accounts.find((a) => a.fundId === 'lift-fund');
    expect(lift).toMatchObject({
      fundName: '96号楼电梯',
      share: 3_403_988,
      paid: 1_701_994,
      balance: 1_701_994,
      overdue: 0,
      pays: true,
      schemes: [
        {
          schemeName: '加装电梯费用分摊',
          basis: 'floorCoefficients',
          floor: 3,
          area: 7532,
          coefficient: 70,
          subsidy: { kind: 'percent', basisPoints: 4000, cap: 24_000_000 },
          share: 3_403_988,
          due: '2026-12-31',
        },
      ],
    });
    expect(lift?.payments).toHaveLength(1);
    expect(lift?.payments[0]).toMatchObject({ kind: 'payment', amount: 1_701_994, unitId: 'u301' });
    expect(lift?.payments[0]?.receiptNo).toMatch(/\S/);
    // After the due date the unpaid half is overdue.
    const later = governance.read((s) =>
      householdAccounts(s.community, s.funds, 'u301', '2027-02-01' as LocalDate),
    );
    expect(later.find((a) => a.fundId === 'lift-fund')?.overdue).toBe(1_701_994);
  });

  it('101 sits in the scheme with coefficient 0: listed, paying nothing, with no pledge', async () => {
    const { governance } = await seededGovernance();
    const accounts = governance.read((s) => householdAccounts(s.community, s.funds, 'u101', ASOF));
    const lift = accounts.find((a) => a.fundId === 'lift-fund');
    expect(lift).toMatchObject({ share: 0, paid: 0, balance: 0, pays: false, payments: [] });
    expect(lift?.schemes[0]).toMatchObject({ coefficient: 0, share: 0, due: null });
    expect(lift?.schemes[0]).not.toHaveProperty('exempt');
  });

  it('an exempted household gets the exemption’s reason, and owes nothing', async () => {
    const { governance } = await seededGovernance();
    await must(
      governance,
      {
        type: 'scheme.define',
        id: 'paint',
        name: '楼道粉刷',
        scope: { kind: 'stairwell', id: 's1' },
        basis: { kind: 'equal' },
        exemptions: [{ unitId: 'u402', reason: '低保户' }],
      },
      { type: 'fund.open', id: 'paint-fund', name: '楼道粉刷', budget: 1_100_000 },
      { type: 'fund.pledge', fundId: 'paint-fund', schemeId: 'paint', cost: 1_100_000, due: '2027-01-31' },
    );
    const accounts = governance.read((s) => householdAccounts(s.community, s.funds, 'u402', ASOF));
    const paint = accounts.find((a) => a.fundId === 'paint-fund');
    expect(paint).toMatchObject({
      share: 0,
      pays: false,
      schemes: [{ basis: 'equal', exempt: '低保户', share: 0 }],
    });
    const other = governance.read((s) => householdAccounts(s.community, s.funds, 'u401', ASOF));
    expect(other.find((a) => a.fundId === 'paint-fund')).toMatchObject({ share: 100_000, pays: true });
  });

  it('a 福泰大厦 household sees the doorman’s monthly bills with due dates, and none of Building 96’s funds', async () => {
    const { governance } = await seededGovernance();
    const accounts = governance.read((s) => householdAccounts(s.community, s.funds, 'ft01', ASOF));
    expect(accounts.map((a) => a.fundId)).toEqual(['doorman']);
    expect(accounts[0]?.bills).toEqual([
      {
        chargeId: 'wage',
        chargeName: '门卫工资',
        month: '2026-11',
        amount: accounts[0]?.share,
        due: '2026-11-01',
        split: 'equal',
        monthlyAmount: 480_000,
      },
    ]);
  });

  it('agrees with the household statement, and holds no other household’s line, for every unit', async () => {
    const { governance } = await seededGovernance();
    governance.read((s) => {
      for (const unitId of s.community.units.keys())
        for (const account of householdAccounts(s.community, s.funds, unitId, ASOF)) {
          const statement = householdStatement(s.community, s.funds, account.fundId, unitId, ASOF);
          expect(account.balance).toBe(statement?.balance);
          expect(account.paid).toBe(statement?.paid);
          for (const line of account.payments) expect(line.unitId).toBe(unitId);
          expect(account.overdue).toBeLessThanOrEqual(Math.max(account.balance, 0));
        }
    });
  });

  it('on any ledger: only the household’s own lines, totals as its statement, overdue within what it owes', () => {
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 60 }), day, (entries, asOf) => {
        const funds = emptyFundsState();
        funds.funds.set('f', { id: 'f', name: 'f', budget: 0 });
        funds.entries.set('f', entries);
        const community = emptyCommunityState();
        for (const unitId of ['u101', 'u102', 'u201']) {
          const [account, ...more] = householdAccounts(community, funds, unitId, asOf);
          expect(more).toEqual([]);
          const statement = householdStatement(community, funds, 'f', unitId, asOf);
          if (!account) {
            expect(statement?.lines).toEqual([]);
            continue;
          }
          expect(account.balance).toBe(statement?.balance);
          expect(account.share).toBe(statement?.share);
          for (const line of account.payments) {
            expect(line.unitId).toBe(unitId);
            expect(['payment', 'refund']).toContain(line.kind);
          }
          const arrears =
            summarizeLedger(
              entries.filter((e) => e.unitId === unitId),
              asOf,
            ).units[0]?.arrears ?? 0;
          expect(account.overdue).toBeGreaterThanOrEqual(0);
          expect(account.overdue).toBeLessThanOrEqual(arrears);
        }
      }),
    );
  });
});
