import { describe, expect, it } from 'vitest';
import { building96, must } from '../../test/fixtures.js';
import { createGovernance } from '../governance/governance.js';
import { takeSnapshot } from '../governance/snapshot.js';
import { replay } from '../governance/state.js';
import { explainTally } from './explain.js';
import { exportMotion, toBlt } from './export.js';
import { lotteryPriority, lotterySeed } from './lottery.js';

const stairwell = { kind: 'stairwell', id: 's1' } as const;
const closesAt = '2026-12-20T10:00:00Z';

async function openMotion(extra: Record<string, unknown> = {}) {
  const setup = await building96();
  await must(
    setup.governance,
    {
      type: 'motion.draft',
      id: 'm',
      title: 'T',
      kind: 'proposal',
      scope: stairwell,
      basis: 'owners',
      rule: 'civilCode278.major',
      closesAt,
      ...extra,
    },
    { type: 'motion.open', motionId: 'm' },
  );
  return setup;
}

const twoOptions = [
  { id: 'a', label: 'A' },
  { id: 'b', label: 'B' },
];

const cast = (voterId: string, fields: Record<string, unknown>) => ({
  type: 'ballot.cast',
  motionId: 'm',
  voterId,
  ...fields,
});

describe('ballots: bad input gets a typed error and changes nothing', () => {
  it.each([
    ['an ineligible voter', cast('o-nobody', { vote: 'yes' }), 'ballot.not_eligible', ['voterId']],
    ['the wrong field for the kind', cast('o101', { option: 'a' }), 'ballot.wrong_shape', ['vote']],
    ['two answers at once', cast('o101', { vote: 'yes', option: 'a' }), 'ballot.wrong_shape', ['vote']],
    ['a block where none is allowed', cast('o101', { vote: 'block' }), 'ballot.block_not_allowed', ['vote']],
    ['an unknown proxy', cast('o101', { vote: 'yes', proxyId: 'p-x' }), 'entity.not_found', ['proxyId']],
    [
      'an unknown motion',
      { type: 'ballot.cast', motionId: 'zz', voterId: 'o101', vote: 'yes' },
      'entity.not_found',
      ['motionId'],
    ],
  ])('%s', async (_name, command, code, path) => {
    const { governance, store } = await openMotion();
    const before = await store.read();
    const result = await governance.execute(command);
    expect(result.ok || result.error).toMatchObject({ code, path });
    if (!result.ok) expect(result.error.message['zh-CN']).not.toBe(result.error.message.en);
    expect(await store.read()).toEqual(before);
  });

  it('refuses a second ballot where changes are not allowed, and keeps history where they are', async () => {
    const fixed = await openMotion({ allowChange: false });
    await must(fixed.governance, cast('o101', { vote: 'no' }));
    const again = await fixed.governance.execute(cast('o101', { vote: 'yes' }));
    expect(again.ok || again.error.code).toBe('ballot.already_cast');

    const open = await openMotion();
    await must(open.governance, cast('o101', { vote: 'no' }), cast('o101', { vote: 'yes' }));
    expect(open.governance.ballots('m')).toMatchObject([
      { voterId: 'o101', choice: { vote: 'yes' }, revision: 2 },
    ]);
    const history = (await open.store.read()).filter((e) => e.type === 'ballot.cast');
    expect(history).toHaveLength(2);
    expect(open.governance.tally('m')?.totals.headcount).toMatchObject({ participating: 1, yes: 1 });
  });

  it('refuses votes before opening and after the deadline, even before anyone records the close', async () => {
    const { governance, clock } = await building96();
    await must(governance, {
      type: 'motion.draft',
      id: 'm',
      title: 'T',
      kind: 'proposal',
      scope: stairwell,
      basis: 'owners',
      rule: 'simpleMajority',
      closesAt,
    });
    const early = await governance.execute(cast('o101', { vote: 'yes' }));
    expect(early.ok || early.error).toMatchObject({
      code: 'motion.not_open',
      message: { en: 'Voting has not opened yet' },
    });
    await must(governance, { type: 'motion.open', motionId: 'm' });
    clock.set(closesAt);
    const late = await governance.execute(cast('o101', { vote: 'yes' }));
    expect(late.ok || late.error.code).toBe('motion.past_deadline');
    expect(governance.tally('m')?.final).toBe(true);
  });

  it('caps the ballots one proxy holder may carry, and lets a proxy be revoked only before use', async () => {
    const { governance } = await openMotion({ proxyCap: 2 });
    const grant = (voterId: string, id: string) => ({
      type: 'proxy.grant',
      motionId: 'm',
      voterId,
      holder: '李明',
      paperRef: `委托书 ${id}`,
      id,
    });
    await must(governance, grant('o101', 'p1'), grant('o102', 'p2'));
    const third = await governance.execute(grant('o201', 'p3'));
    expect(third.ok || third.error).toMatchObject({
      code: 'proxy.cap_reached',
      params: { holder: '李明', cap: 2 },
    });
    const twice = await governance.execute(grant('o101', 'p4'));
    expect(twice.ok || twice.error.code).toBe('proxy.duplicate');
    const wrongVoter = await governance.execute(cast('o102', { vote: 'yes', proxyId: 'p1' }));
    expect(wrongVoter.ok || wrongVoter.error.code).toBe('proxy.not_for_voter');
    await must(governance, { type: 'proxy.revoke', motionId: 'm', proxyId: 'p2' }, grant('o201', 'p3'));
    const revoked = await governance.execute(cast('o102', { vote: 'yes', proxyId: 'p2' }));
    expect(revoked.ok || revoked.error.code).toBe('proxy.revoked');
    await must(governance, cast('o101', { vote: 'yes', proxyId: 'p1' }));
    const late = await governance.execute({ type: 'proxy.revoke', motionId: 'm', proxyId: 'p1' });
    expect(late.ok || late.error.code).toBe('proxy.already_used');
  });
});

describe('choice ballots: options are checked one by one', () => {
  async function choiceMotion(kind: 'ranked' | 'approval', extra: Record<string, unknown> = {}) {
    const setup = await building96();
    const options = ['a', 'b', 'c'].map((id) => ({ id, label: id.toUpperCase() }));
    await must(
      setup.governance,
      {
        type: 'motion.draft',
        id: 'm',
        title: 'T',
        kind,
        options,
        scope: stairwell,
        basis: 'owners',
        rule: 'simpleMajority',
        closesAt,
        ...extra,
      },
      { type: 'motion.open', motionId: 'm' },
    );
    return setup;
  }

  it.each([
    ['a duplicate rank', { ranking: ['a', 'b', 'a'] }, 'ballot.duplicate_option', ['ranking', 2]],
    ['an unknown option', { ranking: ['a', 'z'] }, 'ballot.unknown_option', ['ranking', 1]],
  ])('ranked: refuses %s', async (_name, fields, code, path) => {
    const { governance, store } = await choiceMotion('ranked', { method: 'irv' });
    const before = await store.read();
    const result = await governance.execute(cast('o101', fields));
    expect(result.ok || result.error).toMatchObject({ code, path });
    expect(await store.read()).toEqual(before);
  });

  it('approval: enforces the number of choices', async () => {
    const { governance } = await choiceMotion('approval', { minChoices: 1, maxChoices: 2 });
    const tooMany = await governance.execute(cast('o101', { options: ['a', 'b', 'c'] }));
    expect(tooMany.ok || tooMany.error).toMatchObject({
      code: 'ballot.choice_count',
      params: { min: 1, max: 2, count: 3 },
    });
    await must(governance, cast('o101', { options: ['b', 'a'] }));
    expect(governance.tally('m')?.options.map((o) => o.votes)).toEqual([1, 1, 0]);
  });
});

describe('motions: definition, lifecycle and amendments', () => {
  it.each([
    [{ kind: 'single', options: [{ id: 'a', label: 'A' }] }, 'motion.options_required', ['options']],
    [
      {
        kind: 'single',
        options: [
          { id: 'a', label: 'A' },
          { id: 'a', label: 'B' },
        ],
      },
      'motion.duplicate_option',
      ['options', 1, 'id'],
    ],
    [{ kind: 'proposal', options: [{ id: 'a', label: 'A' }] }, 'motion.options_not_allowed', ['options']],
    [
      {
        kind: 'ranked',
        options: twoOptions,
      },
      'motion.method_required',
      ['method'],
    ],
    [
      {
        kind: 'ranked',
        method: 'stv',
        seats: 2,
        options: twoOptions,
      },
      'motion.bad_seats',
      ['seats'],
    ],
    [
      {
        kind: 'ranked',
        method: 'schulze',
        rule: 'civilCode278.major',
        options: twoOptions,
      },
      'motion.rule_not_applicable',
      ['rule', 'checks', 2],
    ],
    [{ basis: 'residents' }, 'motion.dimension_unavailable', ['rule', 'checks', 1]],
    [{ mustConsent: ['u999'] }, 'motion.consent_unit_not_in_scope', ['mustConsent', 0]],
    [{ rule: 'civilCode999' }, 'motion.unknown_rule', ['rule']],
    [{ opensAt: '2026-12-21T00:00:00Z' }, 'motion.closes_before_opens', ['closesAt']],
    [{ closesAt: 'next week' }, 'validation.invalid_format', ['closesAt']],
  ])('refuses %j', async (extra, code, path) => {
    const { governance } = await building96();
    const result = await governance.execute({
      type: 'motion.draft',
      title: 'T',
      kind: 'proposal',
      scope: stairwell,
      basis: 'owners',
      rule: 'civilCode278.major',
      closesAt,
      ...extra,
    });
    expect(result.ok || result.error).toMatchObject({ code, path });
  });

  it('accepts a user-defined rule with its provenance', async () => {
    const { governance } = await building96();
    const rule = {
      id: 'shanghai2014',
      name: { 'zh-CN': '上海2014试点', en: 'Shanghai 2014 pilot' },
      jurisdiction: 'CN-SH',
      version: '2014',
      source: '上海市既有多层住宅增设电梯试点意见',
      checks: [
        {
          kind: 'approval',
          dimension: 'headcount',
          base: 'eligible',
          threshold: { numerator: 9, denominator: 10 },
          comparison: 'inclusive',
        },
      ],
    };
    await must(governance, {
      type: 'motion.draft',
      id: 'm',
      title: 'T',
      kind: 'proposal',
      scope: stairwell,
      basis: 'owners',
      rule,
      closesAt,
    });
    expect(governance.motions.value[0]?.rule).toEqual(rule);
    const bad = await governance.execute({
      type: 'motion.draft',
      title: 'T',
      kind: 'proposal',
      scope: stairwell,
      basis: 'owners',
      rule: { ...rule, checks: [{ ...rule.checks[0], threshold: { numerator: 11, denominator: 10 } }] },
      closesAt,
    });
    expect(bad.ok || bad.error).toMatchObject({
      code: 'vote.bad_threshold',
      path: ['rule', 'checks', 0, 'threshold', 'numerator'],
    });
  });

  it('takes amendments while a draft, then freezes everything when it opens', async () => {
    const { governance } = await building96();
    await must(
      governance,
      {
        type: 'motion.draft',
        id: 'c',
        title: '电梯使用公约',
        body: '第一条 文明乘梯。',
        kind: 'proposal',
        scope: stairwell,
        basis: 'households',
        rule: 'simpleMajority',
        closesAt,
      },
      {
        type: 'motion.proposeAmendment',
        motionId: 'c',
        id: 'a1',
        text: '第一条 文明乘梯。第二条 宠物须抱起。',
        note: '加一条',
      },
      { type: 'motion.acceptAmendment', motionId: 'c', amendmentId: 'a1' },
      { type: 'motion.revise', motionId: 'c', title: '96号楼电梯使用公约' },
    );
    const draft = governance.motions.value[0];
    expect(draft).toMatchObject({
      title: '96号楼电梯使用公约',
      body: '第一条 文明乘梯。第二条 宠物须抱起。',
      amendments: [{ id: 'a1', accepted: true }],
    });
    // No residents are registered yet: nobody could vote.
    const empty = await governance.execute({ type: 'motion.open', motionId: 'c' });
    expect(empty.ok || empty.error.code).toBe('motion.empty_electorate');
    await must(
      governance,
      { type: 'resident.moveIn', unitId: 'u101', id: 'r1', date: '2020-01-01' },
      { type: 'motion.open', motionId: 'c' },
    );
    const frozen = await governance.execute({ type: 'motion.revise', motionId: 'c', title: 'Other' });
    expect(frozen.ok || frozen.error.code).toBe('motion.not_draft');
    await must(governance, { type: 'ballot.cast', motionId: 'c', voterId: 'u101', vote: 'yes' });
    // Only the organizer may close before the deadline.
    const stranger = await governance.execute(
      { type: 'motion.close', motionId: 'c' },
      { actor: 'someone-else' },
    );
    expect(stranger.ok || stranger.error.code).toBe('motion.not_organizer');
    await must(governance, { type: 'motion.close', motionId: 'c' });
    expect(governance.motions.value[0]?.result).toMatchObject({
      outcome: 'passed',
      adoptedText: '第一条 文明乘梯。第二条 宠物须抱起。',
    });
  });

  it('explains a shortfall in natural units', async () => {
    const { governance } = await openMotion();
    for (const [voter, vote] of [
      ['o101', 'yes'],
      ['o201', 'yes'],
      ['o301', 'yes'],
      ['o401', 'yes'],
      ['o601', 'yes'],
      ['o102', 'no'],
      ['o202', 'no'],
      ['o302', 'abstain'],
    ] as const) {
      await must(governance, cast(voter, { vote }));
    }
    const tally = governance.tally('m');
    const motion = governance.motions.value[0];
    if (!tally || !motion) throw new Error('missing');
    // Area taking part: 5 × 75.32 + 3 × 88.68 = 642.64 m², short of 2/3 of 984.00 m² = 656.00 m².
    // In favour: 5 of 8 owners (6 needed) and 376.60 m² of 642.64 m² (3/4 is 481.98 m²).
    expect(tally.checks.map((c) => c.missing)).toEqual([0, 1336, 1, 10538]);
    expect(explainTally(motion, tally).summary).toEqual({
      'zh-CN': '还需 13.36 m² 参与表决；还需 1 位业主和 105.38 m² 同意',
      en: 'needs 13.36 m² to take part; needs 1 more owner and 105.38 m² in favour',
    });
  });
});

describe('secrecy', () => {
  it('shows only turnout before close, and ballots without identities after', async () => {
    const { governance, clock } = await openMotion({ secrecy: 'secret', showVoters: false });
    await must(governance, cast('o101', { vote: 'yes' }), cast('o102', { vote: 'no' }));
    const during = governance.tally('m');
    expect(during).toMatchObject({
      hidden: true,
      votedVoters: 2,
      options: [],
      outcome: 'pending',
      consent: [],
    });
    expect(during?.totals.headcount.yes).toBe(0);
    expect(during?.checks.every((c) => c.check.kind === 'participation')).toBe(true);
    expect(governance.ballots('m')).toEqual([]);
    expect(governance.voted('m')).toEqual([]);
    clock.set(closesAt);
    expect(governance.tally('m')?.hidden).toBe(false);
    const after = governance.ballots('m');
    expect(after.map((b) => [b.voterId, b.castBy])).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });
});

describe('elections and ties', () => {
  async function election(tieBreak: 'report' | 'lottery') {
    const setup = await building96();
    await must(
      setup.governance,
      {
        type: 'motion.draft',
        id: 'm',
        title: '选举楼组长',
        kind: 'single',
        options: [
          { id: 'zhang', label: '张阿姨' },
          { id: 'li', label: '李师傅' },
          { id: 'chen', label: '陈老师' },
        ],
        scope: stairwell,
        basis: 'owners',
        rule: 'simpleMajority',
        tieBreak,
        closesAt,
      },
      { type: 'motion.open', motionId: 'm' },
    );
    for (const [voter, option] of [
      ['o101', 'zhang'],
      ['o102', 'li'],
      ['o201', 'zhang'],
      ['o202', 'li'],
      ['o301', 'chen'],
    ] as const) {
      await must(setup.governance, cast(voter, { option }));
    }
    setup.clock.set(closesAt);
    await must(setup.governance, { type: 'motion.close', motionId: 'm' });
    return setup;
  }

  it('reports a tie when the motion says so', async () => {
    const { governance } = await election('report');
    expect(governance.motions.value[0]?.result).toMatchObject({ outcome: 'tied', winners: ['zhang', 'li'] });
  });

  it('draws a tie by a lottery whose seed is in the log, so anyone can recount it', async () => {
    const { governance } = await election('lottery');
    const result = governance.motions.value[0]?.result;
    expect(result?.outcome).toBe('failed'); // 2 of 5 is not more than half
    expect(result?.seed).toBe(lotterySeed(result?.lotterySalt ?? '', governance.ballots('m')));
    const priority = lotteryPriority(result?.seed as string, ['zhang', 'li', 'chen']);
    const recount = (priority[0] as number) < (priority[1] as number) ? 'zhang' : 'li';
    expect(result?.winners).toEqual([recount]);
    expect(governance.tally('m')?.lottery).toBe(true);
  });

  it('elects two of four by STV and exports the ballots as BLT', async () => {
    const { governance } = await building96();
    const candidates = ['a', 'b', 'c', 'd'].map((id) => ({ id, label: `候选人${id.toUpperCase()}` }));
    await must(
      governance,
      {
        type: 'motion.draft',
        id: 'm',
        title: '业委会候选人',
        kind: 'ranked',
        method: 'stv',
        seats: 2,
        options: candidates,
        scope: stairwell,
        basis: 'owners',
        rule: {
          id: 'none',
          name: { 'zh-CN': '无门槛', en: 'No threshold' },
          jurisdiction: 'community',
          version: '1',
          source: 'test',
          checks: [],
        },
        closesAt,
      },
      { type: 'motion.open', motionId: 'm' },
    );
    const rankings: [string, string[]][] = [
      ['o101', ['a', 'b']],
      ['o102', ['a', 'b']],
      ['o201', ['a', 'c']],
      ['o202', ['a', 'c']],
      ['o301', ['a', 'd']],
      ['o302', ['b', 'a']],
      ['o401', ['c', 'b']],
      ['o402', ['d', 'c']],
      ['o-wang', ['d', 'c']],
      ['o601', ['c', 'd']],
    ];
    for (const [voter, ranking] of rankings) await must(governance, cast(voter, { ranking }));
    const tally = governance.tally('m');
    // Droop quota: ⌊10 / 3⌋ + 1 = 4. A has 5; its surplus of 1 passes on at 1/5 per ballot.
    expect(tally?.stv?.quota).toBe(4);
    expect(tally?.winners[0]).toBe('a');
    expect(tally?.winners).toHaveLength(2);
    const motion = governance.motions.value[0];
    if (!motion) throw new Error('missing');
    const blt = toBlt(motion, governance.ballots('m'));
    expect(blt.split('\n').slice(0, 3)).toEqual(['4 2', '1 1 2 0', '1 1 2 0']);
    expect(blt.endsWith('"候选人A"\n"候选人B"\n"候选人C"\n"候选人D"\n"业委会候选人"\n')).toBe(true);
    const exported = JSON.parse(
      JSON.stringify(exportMotion(motion, governance.ballots('m'), tally as NonNullable<typeof tally>)),
    );
    expect(exported.ballots[0].choice).toEqual({ ranking: ['a', 'b'] });
    expect(exported.format).toBe('linli-motion');
  });
});

describe('voting state survives snapshots and replays', () => {
  it('restores motions, ballots and proxies from a snapshot exactly as a replay would', async () => {
    const { governance, store } = await openMotion();
    await must(
      governance,
      { type: 'proxy.grant', motionId: 'm', voterId: 'o401', holder: '李明', paperRef: 'x', id: 'p' },
      cast('o401', { vote: 'yes', proxyId: 'p' }),
      cast('o101', { vote: 'no' }),
    );
    const snapshot = JSON.parse(JSON.stringify(governance.snapshot()));
    const resumed = await createGovernance({ store, snapshot });
    expect(resumed.snapshot()).toEqual(takeSnapshot(replay(await store.read())));
    expect(resumed.tally('m')).toEqual(governance.tally('m'));
  });
});
