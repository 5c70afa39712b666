import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { building96, must } from '../../test/fixtures.js';
import { plainNeeds } from './plain-needs.js';

const closesAt = '2026-12-20T10:00:00Z';
const room = (id: string, locale: string) =>
  locale === 'zh-CN' ? `${id.slice(1)}室` : `Room ${id.slice(1)}`;

async function openMotion(extra: Record<string, unknown> = {}) {
  const setup = await building96();
  await must(
    setup.governance,
    {
      type: 'motion.draft',
      id: 'm',
      title: '加装电梯',
      kind: 'proposal',
      scope: { kind: 'stairwell', id: 's1' },
      basis: 'owners',
      rule: 'civilCode278.major',
      closesAt,
      ...extra,
    },
    { type: 'motion.open', motionId: 'm' },
  );
  return setup;
}

const cast = (voterId: string, vote: string) => ({ type: 'ballot.cast', motionId: 'm', voterId, vote });

function needsOf(governance: Awaited<ReturnType<typeof building96>>['governance']) {
  const motion = governance.motions.value.find((m) => m.id === 'm');
  const tally = governance.tally('m');
  if (!motion || !tally) throw new Error('missing motion');
  return plainNeeds(motion, tally, room);
}

describe('plainNeeds: what an open motion still needs, in plain words', () => {
  it('names outstanding consent first, then yes votes and turnout, area in whole m² rounded up', async () => {
    const { governance } = await openMotion({ mustConsent: ['u102'] });
    for (const [voter, vote] of [
      ['o101', 'yes'],
      ['o201', 'yes'],
      ['o301', 'yes'],
      ['o401', 'yes'],
      ['o601', 'yes'],
      ['o102', 'no'],
      ['o202', 'no'],
      ['o302', 'abstain'],
    ] as const)
      await must(governance, cast(voter, vote));
    // The legal detail (explainTally) says 13.36 m² to take part, 1 owner and 105.38 m² in favour.
    expect(needsOf(governance)).toEqual({
      kind: 'needs',
      text: {
        'zh-CN': '还需 102室 同意，以及 1 位业主和 106 m² 面积同意，以及 14 m² 面积参与表决',
        en: 'Still needs the consent of Room 102, and 1 more owner and 106 m² of floor area in favour, and 14 m² of floor area to take part',
      },
    });
  });

  it('says only the consent when the numbers are already there', async () => {
    const { governance } = await openMotion({ mustConsent: ['u102'] });
    for (const voter of ['o101', 'o201', 'o202', 'o301', 'o302', 'o401', 'o402', 'o-wang', 'o601'])
      await must(governance, cast(voter, 'yes'));
    const needs = needsOf(governance);
    expect(needs?.kind).toBe('needs');
    expect(needs?.text['zh-CN']).toBe('还需 102室 同意');
    expect(needs?.text.en).toBe('Still needs the consent of Room 102');
  });

  it('says every condition is met so far once they are', async () => {
    const { governance } = await openMotion({ mustConsent: ['u102'] });
    for (const voter of ['o101', 'o102', 'o201', 'o202', 'o301', 'o302', 'o401', 'o402', 'o-wang', 'o601'])
      await must(governance, cast(voter, 'yes'));
    const needs = needsOf(governance);
    // Ten of eleven yes with changes allowed: still open, not yet certain.
    expect(needs).toEqual({
      kind: 'met',
      text: { 'zh-CN': '目前已满足通过的全部条件', en: 'Every condition to pass is met so far' },
    });
  });

  it('leaves it to the outcome once the votes still to come can no longer carry it', async () => {
    const { governance } = await openMotion({ mustConsent: ['u102'], allowChange: false });
    await must(governance, cast('o102', 'no'));
    // The core knows the outcome already: the card says "failed", not what it would need.
    expect(governance.tally('m')?.decidedEarly).toBe(true);
    expect(needsOf(governance)).toBeUndefined();
  });

  it('has nothing to say before opening, after closing, on a secret tally, or with no condition', async () => {
    const closed = await openMotion();
    await must(closed.governance, cast('o101', 'yes'), { type: 'motion.close', motionId: 'm' });
    expect(needsOf(closed.governance)).toBeUndefined();
    const secret = await openMotion({ secrecy: 'secret' });
    expect(needsOf(secret.governance)).toBeUndefined();
    const election = await openMotion({
      kind: 'single',
      options: [
        { id: 'a', label: '张阿姨' },
        { id: 'b', label: '陈老师' },
      ],
      rule: {
        id: 'none',
        name: { 'zh-CN': '无门槛', en: 'None' },
        jurisdiction: 'community',
        version: '1',
        source: 'test',
        checks: [],
      },
    });
    const m = election.governance.motions.value[0];
    const tally = election.governance.tally('m');
    if (!m || !tally) throw new Error('missing');
    expect(plainNeeds(m, tally)).toBeUndefined();
  });

  it('asks for yes votes, not an amount, while nobody has taken part', async () => {
    const { governance } = await openMotion();
    const needs = needsOf(governance);
    expect(needs?.kind).toBe('needs');
    expect(needs?.text['zh-CN']).not.toMatch(/\/|≥|\.\d\d/);
  });
});

describe('plainNeeds: properties', () => {
  const voters = ['o101', 'o102', 'o201', 'o202', 'o301', 'o302', 'o401', 'o402', 'o-wang', 'o601'];
  it('speaks without fractions or hundredths, and says "met" exactly when every condition holds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('yes', 'no', 'abstain', null), {
          minLength: voters.length,
          maxLength: voters.length,
        }),
        async (votes) => {
          const { governance } = await openMotion({ mustConsent: ['u102'] });
          for (const [i, vote] of votes.entries())
            if (vote !== null) await must(governance, cast(voters[i] as string, vote));
          const tally = governance.tally('m');
          const needs = needsOf(governance);
          if (!tally || tally.decidedEarly) return expect(needs).toBeUndefined();
          expect(needs).toBeDefined();
          for (const text of Object.values(needs?.text ?? {})) expect(text).not.toMatch(/\/|≥|\d\.\d\d|\(/);
          const allMet = tally.checks.every((c) => c.met) && tally.consent.every((c) => c.vote === 'yes');
          expect(needs?.kind === 'met').toBe(allMet);
        },
      ),
      { numRuns: 40 },
    );
  });
});
