import { describe, expect, it } from 'vitest';
import { building96, must } from '../../test/fixtures.js';
import { explainTally } from './explain.js';

const unitLabel = (id: string, locale: string) =>
  locale === 'zh-CN' ? `${id.slice(1)}室` : `room ${id.slice(1)}`;

describe('Building 96 decides to install an elevator (Civil Code Art. 278, matter 7)', () => {
  it('counts heads and area, honours the consent of the ground floor, and records the result', async () => {
    const { governance, clock } = await building96();
    await must(
      governance,
      {
        type: 'motion.draft',
        id: 'elevator',
        title: '96号楼1单元加装电梯',
        body: '同意按设计方案在1单元北侧加装电梯一部，费用按楼层系数分摊。',
        kind: 'proposal',
        scope: { kind: 'stairwell', id: 's1' },
        basis: 'owners',
        rule: 'civilCode278.major',
        // The shaft is built against the ground-floor kitchens: both must agree.
        mustConsent: ['u101', 'u102'],
        allowChange: false,
        proxyCap: 1,
        closesAt: '2026-12-20T10:00:00Z',
      },
      { type: 'motion.open', motionId: 'elevator' },
    );

    const motion = governance.motions.value[0];
    expect(motion?.electorate).toHaveLength(11); // 王's two units count once, the developer's unsold unit once
    expect(motion?.electorate.find((v) => v.id === 'o-wang')).toMatchObject({
      unitIds: ['u501', 'u502'],
      area: 16400,
    });

    const yes = (voterId: string, extra: object = {}) => ({
      type: 'ballot.cast',
      motionId: 'elevator',
      voterId,
      vote: 'yes',
      ...extra,
    });
    await must(
      governance,
      yes('o101'),
      yes('o201'),
      yes('o202'),
      // 301 voted on paper at the residents' committee; an official entered it.
      yes('o301', { paperRef: '纸质表决票 No.12' }),
      { type: 'ballot.cast', motionId: 'elevator', voterId: 'o302', vote: 'no' },
      // 401 is abroad and authorized her neighbour in writing.
      {
        type: 'proxy.grant',
        motionId: 'elevator',
        voterId: 'o401',
        holder: '李明',
        paperRef: '委托书 2026-007',
        id: 'p401',
      },
      yes('o401', { proxyId: 'p401' }),
      yes('o402'),
      yes('o-wang'),
      yes('o601'),
    );
    const ballots = governance.ballots('elevator');
    expect(ballots.find((b) => b.voterId === 'o301')).toMatchObject({
      channel: 'paper',
      paper: { reference: '纸质表决票 No.12', official: 'tester' },
    });
    expect(ballots.find((b) => b.voterId === 'o401')).toMatchObject({ channel: 'proxy', proxyId: 'p401' });

    const pending = governance.tally('elevator');
    expect(pending?.totals).toEqual({
      headcount: { eligible: 11, participating: 9, yes: 8 },
      area: { eligible: 98400, participating: 80664, yes: 71796 },
      custom: { eligible: 0, participating: 0, yes: 0 },
    });
    expect(pending?.checks.map((c) => [c.required, c.met])).toEqual([
      [8, true],
      [65600, true],
      [7, true],
      [60498, true],
    ]);
    expect(pending?.consent).toEqual([
      { unitId: 'u101', voterId: 'o101', vote: 'yes' },
      { unitId: 'u102', voterId: 'o102', vote: null },
    ]);
    expect(pending?.outcome).toBe('pending');
    expect(pending?.decidedEarly).toBe(false);

    const explained = explainTally(
      motion as NonNullable<typeof motion>,
      pending as NonNullable<typeof pending>,
      unitLabel,
    );
    expect(explained.summary).toEqual({ 'zh-CN': '还需 102室 同意', en: 'needs the consent of room 102' });
    expect(explained.lines.map((l) => l.text['zh-CN'])).toEqual([
      '参与表决（业主）：9 位，共 11 位；需 2/3 以上（≥），即至少 8 位 —— 已达到',
      '参与表决（专有面积）：806.64 m²，共 984.00 m²；需 2/3 以上（≥），即至少 656.00 m² —— 已达到',
      '同意（业主）：8 位，占参与表决的 9 位；需 3/4 以上（≥），即至少 7 位 —— 已达到',
      '同意（专有面积）：717.96 m²，占参与表决的 806.64 m²；需 3/4 以上（≥），即至少 604.98 m² —— 已达到',
      '必须同意的 101室：已同意',
      '必须同意的 102室：尚未同意',
      '结果：尚未确定',
    ]);
    expect(explained.lines[2]?.text.en).toBe(
      'In favour (owners): 8 of the 9 taking part; needs at least 3/4, i.e. 7 owners — met',
    );

    // The ground floor agrees; no ballot can change and the developer's vote cannot tip it.
    await must(governance, { type: 'ballot.cast', motionId: 'elevator', voterId: 'o102', vote: 'yes' });
    const certain = governance.tally('elevator');
    expect(certain).toMatchObject({ outcome: 'passed', decidedEarly: true, final: false });
    expect(
      explainTally(motion as NonNullable<typeof motion>, certain as NonNullable<typeof certain>).summary.en,
    ).toBe('The motion passed');

    // The organizer closes early; the result and the adopted text are recorded in the log.
    clock.advance(3_600_000);
    await must(governance, { type: 'motion.close', motionId: 'elevator' });
    const closed = governance.motions.value[0];
    expect(closed?.status).toBe('closed');
    expect(closed?.closedEarly).toBe(true);
    expect(closed?.result).toMatchObject({
      outcome: 'passed',
      adoptedText: '同意按设计方案在1单元北侧加装电梯一部，费用按楼层系数分摊。',
    });
    expect(closed?.result?.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(governance.tally('elevator')).toMatchObject({
      outcome: 'passed',
      final: true,
      decidedEarly: false,
    });
  });
});
