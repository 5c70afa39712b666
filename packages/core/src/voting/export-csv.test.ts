import { describe, expect, it } from 'vitest';
import { freshGovernance, must } from '../../test/fixtures.js';
import { stairwellCommands } from '../testing/stairwell.js';
import { motionCsv } from './export-csv.js';

const options = [
  { id: 'a', label: '=HYPERLINK("x")' },
  { id: 'b', label: '浅灰' },
];

/** Motion `m` of `kind` over three households, with household `u101`'s ballot cast; its CSV as rows. */
async function exported(
  fields: Record<string, unknown>,
  ballot: Record<string, unknown>,
  close = false,
  areas = [7500, 7500, 7500],
) {
  const { governance } = await freshGovernance();
  await must(
    governance,
    ...stairwellCommands({ households: 3, residents: true, area: (i) => areas[i] ?? 7500 }),
    {
      type: 'motion.draft',
      id: 'm',
      title: 'T',
      scope: { kind: 'stairwell', id: 's1' },
      basis: 'households',
      rule: 'twoThirdsTurnout',
      options,
      closesAt: '2026-12-20T10:00:00Z',
      ...fields,
    },
    { type: 'motion.open', motionId: 'm' },
    { type: 'ballot.cast', motionId: 'm', voterId: 'u101', ...ballot },
    ...(close ? [{ type: 'motion.close', motionId: 'm' }] : []),
  );
  const motion = governance.motions.value[0];
  const tally = governance.tally('m');
  if (!motion || !tally) throw new Error('no motion');
  const text = motionCsv(motion, governance.ballots('m'), tally, (unit) => `96号楼 ${unit.slice(1)}`);
  return text.slice(1).split('\r\n');
}

/** Passes with any turnout: a budget's selection then funds what it chose. */
const anyTurnout = {
  id: 'anyTurnout',
  name: { 'zh-CN': '有人参与即可', en: 'Any turnout' },
  jurisdiction: 'test',
  version: '1',
  source: 'test',
  checks: [
    {
      kind: 'participation',
      dimension: 'headcount',
      threshold: { numerator: 0, denominator: 1 },
      comparison: 'strict',
    },
  ],
};

describe('motionCsv', () => {
  it.each([
    ['single', { kind: 'single' }, { option: 'b' }, '浅灰'],
    ['approval', { kind: 'approval' }, { options: ['b'] }, '浅灰'],
    ['score', { kind: 'score' }, { scores: { a: 2, b: 5 } }, `"'=HYPERLINK(""x"")=2; 浅灰=5"`],
    ['dot', { kind: 'dot' }, { points: { a: 0, b: 10 } }, `"'=HYPERLINK(""x"")=0; 浅灰=10"`],
    ['ranked', { kind: 'ranked', method: 'irv' }, { ranking: ['b', 'a'] }, `"浅灰 > =HYPERLINK(""x"")"`],
  ])('writes a %s answer in words', async (_kind, fields, ballot, answer) => {
    const [, row] = await exported(fields, ballot);
    expect(row?.startsWith(`96号楼 101,u101,75.00,${answer},direct,,,tester,`)).toBe(true);
  });

  it('guards a formula-like option label so a spreadsheet shows it as text', async () => {
    const [, row] = await exported({ kind: 'single' }, { option: 'a' });
    expect(row).toContain(`,"'=HYPERLINK(""x"")",`);
  });

  it('writes a yes/no answer in both languages', async () => {
    const [, row] = await exported(
      { kind: 'proposal', options: [], rule: 'simpleMajority' },
      { vote: 'yes' },
    );
    expect(row).toContain(',同意 yes,');
  });

  it('writes only totals for a secret motion, leaving no room or voter: turnout while open, per option once closed', async () => {
    const secret = { kind: 'single', secrecy: 'secret' };
    const header = '选项 Option,合计 Total,面积 Area (m²)';
    expect(await exported(secret, { option: 'b' })).toEqual([header, '参与投票 Voted,1,75.00', '']);
    expect(await exported(secret, { option: 'b' }, true)).toEqual([
      header,
      `"'=HYPERLINK(""x"")",0,0.00`,
      '浅灰,1,75.00',
      '参与投票 Voted,1,75.00',
      '',
    ]);
  });

  it('leaves blank, never 0, an area total the tally withholds (distinct areas would name voters)', async () => {
    const secret = { kind: 'single', secrecy: 'secret' };
    const lines = await exported(secret, { option: 'b' }, true, [7532, 8868, 9000]);
    expect(lines.slice(1, -1)).toEqual([`"'=HYPERLINK(""x"")",0,`, '浅灰,1,', '参与投票 Voted,1,']);
  });

  it('adds the recorded budget selection after the ballots: cost in yuan, approvals, funded, reason', async () => {
    const costed = [
      { id: 'a', label: '长椅', cost: 30_000 },
      { id: 'b', label: '路灯', cost: 90_000 },
    ];
    const rows = await exported(
      { kind: 'approval', options: costed, funding: { amount: 50_000 }, rule: anyTurnout },
      { options: ['a', 'b'] },
      true,
    );
    const at = rows.indexOf('项目 Project,费用 Cost (¥),票数 Approvals,入选 Funded,理由 Reason');
    expect(at).toBeGreaterThan(1);
    expect(rows[at - 1]).toBe('');
    expect(rows[at + 1]?.startsWith('长椅,300.00,1,是 yes,')).toBe(true);
    expect(rows[at + 2]?.startsWith('路灯,900.00,1,否 no,')).toBe(true);
  });

  it('funds nothing in the CSV when the budget failed its rule, and says why', async () => {
    const costed = [
      { id: 'a', label: '长椅', cost: 30_000 },
      { id: 'b', label: '路灯', cost: 90_000 },
    ];
    const rows = await exported(
      { kind: 'approval', options: costed, funding: { amount: 50_000 } },
      { options: ['a'] },
      true,
    );
    const at = rows.indexOf('项目 Project,费用 Cost (¥),票数 Approvals,入选 Funded,理由 Reason');
    expect(rows[at + 1]).toBe(
      '长椅,300.00,1,否 no,未达到表决规则，不立项 The motion failed its rule: nothing is funded',
    );
  });
});
