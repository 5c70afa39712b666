import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILDING_96_AREAS, building96, must, workedExample } from '../../test/fixtures.js';
import { publishView } from '../governance/published-view.js';
import type { LocalDate } from '../time/local-date.js';
import { explainTally } from './explain.js';
import { measureSecrecy, smallestFit } from './secrecy.js';
import { previewSecrecy } from './secrecy-preview.js';

const closesAt = '2026-12-20T10:00:00Z';
const day = '2026-11-29' as LocalDate;
const stairwell = { kind: 'stairwell', id: 's1' } as const;
const secretDraft = (extra: Record<string, unknown> = {}) => ({
  type: 'motion.draft',
  id: 'm',
  title: '加装电梯',
  kind: 'proposal',
  scope: stairwell,
  basis: 'owners',
  rule: 'civilCode278.major',
  secrecy: 'secret',
  closesAt,
  ...extra,
});
const cast = (voterId: string, vote: string, extra: Record<string, unknown> = {}) => ({
  type: 'ballot.cast',
  motionId: 'm',
  voterId,
  vote,
  ...extra,
});

/** A secret motion with hidden voters, opened on `community`'s stairwell, where 101 voted yes and 102 no. */
async function twoSecretBallots(community: typeof building96 | typeof workedExample) {
  const built = await community();
  await must(
    built.governance,
    secretDraft({ showVoters: false }),
    { type: 'motion.open', motionId: 'm' },
    cast('o101', 'yes'),
    cast('o102', 'no'),
  );
  return built;
}

/** Every subset's (size, sum): the brute-force truth the measure must match. */
function bruteSmallestFit(weights: readonly number[]): number | null {
  const n = weights.length;
  if (n < 2) return null;
  const counts = new Map<string, number>();
  for (let mask = 0; mask < 1 << n; mask++) {
    let size = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      if (mask & (1 << i)) {
        size++;
        sum += weights[i] as number;
      }
    }
    if (size === 0 || size === n) continue;
    counts.set(`${size}:${sum}`, (counts.get(`${size}:${sum}`) ?? 0) + 1);
  }
  return Math.min(...counts.values());
}

describe('the secrecy measure: how many voter sets fit a published (headcount, area) total', () => {
  it('matches brute force on small rolls (counts capped at 2: one set is what exposes a ballot)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(7532, 8868, 7500, 15064, 16400), { minLength: 2, maxLength: 11 }),
        (w) => {
          const exact = bruteSmallestFit(w);
          expect(smallestFit(w)).toBe(exact === null ? null : Math.min(exact, 2));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds the issue’s example: 16400 is one 75.32 m² unit plus one 88.68 m² unit', () => {
    expect(smallestFit([BUILDING_96_AREAS.x01, BUILDING_96_AREAS.x02, 9000])).toBe(1);
    // Identical floor plans: a total never tells which of the equal units took part.
    expect(smallestFit(Array(24).fill(7500))).toBe(2);
    expect(measureSecrecy(Array(24).fill({ area: 7500, custom: 0 }))).toMatchObject({
      voters: 24,
      areaTotals: 'exact',
    });
  });

  // Speed is the bench's to measure; the test's own timeout only catches a search gone exponential.
  it('measures a community-sized roll of a few floor plans at once', { timeout: 60_000 }, () => {
    expect(smallestFit(Array(100_000).fill(7500))).toBe(2);
    const plans = (n: number) => Array.from({ length: n }, (_, i) => [7532, 8868, 9050][i % 3] as number);
    expect(smallestFit(plans(120))).toBe(1); // all 40 of one plan and nobody else: one set
    expect(measureSecrecy(plans(3000).map((area) => ({ area, custom: 0 })))).toMatchObject({
      smallestAreaFit: null,
      areaTotals: 'withheld',
    });
  });

  it('gives up (withholds) rather than guess when a roll is too varied to count exactly', () => {
    const varied = Array.from({ length: 60 }, (_, i) => 7000 + (i % 30) * 7);
    expect(smallestFit(varied, 1000)).toBeNull();
    expect(smallestFit(Array.from({ length: 200 }, (_, i) => 7000 + (i % 100) * 7))).toBeNull();
    expect(measureSecrecy(varied.map((area) => ({ area, custom: 0 })))).toMatchObject({
      areaTotals: 'withheld',
    });
  });
});

describe('secret motions: refused where the promise cannot be kept', () => {
  it('refuses secret together with mustConsent, at draft and at revision, and changes nothing', async () => {
    const { governance, store } = await building96();
    const before = await store.read();
    const drafted = await governance.execute(secretDraft({ mustConsent: ['u101'] }));
    expect(drafted.ok || drafted.error).toMatchObject({
      code: 'motion.secret_with_consent',
      path: ['secrecy'],
    });
    if (!drafted.ok) expect(drafted.error.message['zh-CN']).not.toBe(drafted.error.message.en);
    expect(await store.read()).toEqual(before);
    await must(governance, secretDraft({ secrecy: 'public', mustConsent: ['u101'] }));
    const revised = await governance.execute({ type: 'motion.revise', motionId: 'm', secrecy: 'secret' });
    expect(revised.ok || revised.error.code).toBe('motion.secret_with_consent');
  });

  it('refuses to open a secret motion with fewer than three voters', async () => {
    const { governance } = await building96();
    await must(governance, secretDraft({ scope: { kind: 'units', ids: ['u101', 'u102'] } }));
    const opened = await governance.execute({ type: 'motion.open', motionId: 'm' });
    expect(opened.ok || opened.error).toMatchObject({
      code: 'motion.roll_exposes_ballot',
      params: { voters: 2 },
    });
  });

  it('lets the organizer see the measure before opening, the same one opening records', async () => {
    const { governance } = await building96();
    await must(governance, secretDraft());
    const motion = governance.motions.value[0];
    if (!motion) throw new Error('no draft');
    const preview = governance.read((s) => previewSecrecy(s.community, motion, day));
    expect(preview).toMatchObject({ voters: 11, areaTotals: 'withheld', refused: false });
    await must(governance, { type: 'motion.open', motionId: 'm' });
    const { refused: _refused, ...measure } = preview;
    expect(governance.motions.value[0]?.secrecyMeasure).toEqual(measure);
  });

  it('measures the roll when opening and tells the organizer that exact areas will be withheld', async () => {
    const { governance } = await building96();
    const opened = await governance.execute(secretDraft());
    expect(opened.ok).toBe(true);
    const result = await governance.execute({ type: 'motion.open', motionId: 'm' });
    const payload = (result.ok ? result.value[0]?.payload : undefined) as { secrecy?: unknown } | undefined;
    expect(payload?.secrecy).toMatchObject({ voters: 11, smallestAreaFit: 1, areaTotals: 'withheld' });
    expect(governance.motions.value[0]?.secrecyMeasure).toMatchObject({ areaTotals: 'withheld' });
  });
});

describe('secret motions: nothing published narrows a ballot to one voter', () => {
  it('with showVoters false, publishes no area that tells who voted, while open or after close', async () => {
    const { governance, clock } = await twoSecretBallots(building96);
    const open = governance.tally('m');
    expect(open?.totals.area.participating).toBe(0); // 16400 would name 101 and 102
    expect(open?.withheld).toEqual(['area']);
    for (const c of open?.checks ?? []) {
      if (c.check.dimension === 'area') expect([c.actual, c.required, c.missing]).toEqual([0, 0, 0]);
    }
    clock.set(closesAt);
    const closed = governance.tally('m');
    expect(closed?.options.map((o) => o.area)).toEqual([0, 0, 0, 0]);
    expect(closed?.options.map((o) => o.votes)).toEqual([1, 1, 0, 0]);
    expect(closed?.totals.area).toMatchObject({ participating: 0, yes: 0 });
    const view = JSON.stringify(publishView(governance, { asOf: day, rosterUntil: day }));
    // (The roll itself is public: o-wang's two units also make 16400, which says nothing about voting.)
    expect(view).not.toMatch(/"(participating|yes|actual)":16400/);
  });

  it('publishes anonymous ballots without channel, proxy, paper, member or time', async () => {
    const { governance, clock } = await building96();
    await must(
      governance,
      secretDraft(),
      { type: 'motion.open', motionId: 'm' },
      { type: 'proxy.grant', motionId: 'm', voterId: 'o401', holder: '李明', paperRef: '委托书 1', id: 'p1' },
      cast('o101', 'yes'),
      cast('o102', 'yes', { paperRef: '纸质票 1' }),
      cast('o401', 'yes', { proxyId: 'p1' }),
    );
    clock.set(closesAt);
    const ballots = governance.ballots('m');
    expect(ballots).toHaveLength(3);
    for (const b of ballots)
      expect(b).toEqual({
        voterId: '',
        choice: { kind: 'proposal', vote: 'yes' },
        channel: 'withheld',
        castBy: '',
        at: '',
        revision: 1,
      });
  });

  it('keeps exact area totals where identical floor plans make them say nothing about who', async () => {
    const { governance, clock } = await twoSecretBallots(workedExample);
    clock.set(closesAt);
    const closed = governance.tally('m');
    expect(closed?.withheld).toEqual([]);
    expect(closed?.totals.area).toMatchObject({ participating: 15000, yes: 7500 });
  });
});

describe('secret motions: the explanation names no withheld amount', () => {
  it('explains a withheld area check as met or not met only, and the summary still says what is missing', async () => {
    const { governance, clock } = await twoSecretBallots(building96);
    for (const at of ['2026-11-30T02:00:00Z', closesAt]) {
      clock.set(at);
      const motion = governance.motions.value.find((m) => m.id === 'm');
      const tally = governance.tally('m');
      if (!motion || !tally) throw new Error('no motion');
      expect(tally.withheld).toEqual(['area']);
      const explained = explainTally(motion, tally);
      const text = JSON.stringify(explained);
      expect(text).not.toMatch(/m²/); // no area amount at all, not even a zero
      const areaLines = explained.lines.filter((l) => /面积/.test(l.text['zh-CN']));
      expect(areaLines.length).toBeGreaterThan(0);
      for (const line of areaLines) {
        expect(line.text['zh-CN']).toMatch(/不公布/);
        expect(line.text.en).toMatch(/not published/);
      }
      expect(explained.summary.en).not.toBe('All conditions are met so far');
    }
  });
});
