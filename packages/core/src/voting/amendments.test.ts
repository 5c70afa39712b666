import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { must, stairwellMotion } from '../../test/fixtures.js';
import { motionHistory } from './history.js';
import { amendmentStatus } from './motion.js';

const ORIGINAL = '第一条 文明乘梯。';

/** Motion `m` of stairwell `s1` (owners o101, o102, o201, o202), a draft text motion with `extra` fields. */
async function draft(extra: Record<string, unknown> = {}) {
  const setup = await stairwellMotion({ body: ORIGINAL, ...extra }, false);
  const current = () => {
    const m = setup.governance.motions.value.find((x) => x.id === 'm');
    if (!m) throw new Error('motion m is gone');
    return m;
  };
  return { ...setup, current };
}

/** Runs `command` as `actor` expecting the typed refusal `code`, and checks that the log did not change. */
async function refused(
  setup: Awaited<ReturnType<typeof draft>>,
  command: Record<string, unknown>,
  code: string,
  actor?: string,
) {
  const before = (await setup.store.read()).length;
  const result = await setup.governance.execute(command, actor === undefined ? {} : { actor });
  expect(result.ok || result.error.code).toBe(code);
  expect((await setup.store.read()).length).toBe(before);
}

const propose = (id: string, text: string, extra: Record<string, unknown> = {}) => ({
  type: 'motion.proposeAmendment',
  motionId: 'm',
  id,
  text,
  ...extra,
});

describe('motion.rejectAmendment', () => {
  it('rejects a proposal with a reason: the body stays, the history tells it', async () => {
    const setup = await draft();
    await must(setup.governance, propose('a1', '第一条 文明乘梯，不在轿厢内吸烟。'), {
      type: 'motion.rejectAmendment',
      motionId: 'm',
      amendmentId: 'a1',
      reason: '与物业规定重复',
    });
    const m = setup.current();
    expect(m.body).toBe(ORIGINAL);
    expect(m.amendments[0]).toMatchObject({ id: 'a1', accepted: false, rejectReason: '与物业规定重复' });
    expect(amendmentStatus(m.amendments[0] ?? fail())).toBe('rejected');
    const history = motionHistory(await setup.store.read(), 'm');
    expect(history.at(-1)).toMatchObject({
      action: 'amendmentRejected',
      amendmentId: 'a1',
      reason: '与物业规定重复',
    });
  });

  it('decides each proposal once: a decided one can be neither accepted nor rejected again', async () => {
    const setup = await draft();
    await must(setup.governance, propose('a1', '甲'), propose('a2', '乙'), {
      type: 'motion.acceptAmendment',
      motionId: 'm',
      amendmentId: 'a1',
    });
    await must(setup.governance, { type: 'motion.rejectAmendment', motionId: 'm', amendmentId: 'a2' });
    await refused(
      setup,
      { type: 'motion.acceptAmendment', motionId: 'm', amendmentId: 'a1' },
      'motion.amendment_decided',
    );
    await refused(
      setup,
      { type: 'motion.acceptAmendment', motionId: 'm', amendmentId: 'a2' },
      'motion.amendment_decided',
    );
    await refused(
      setup,
      { type: 'motion.rejectAmendment', motionId: 'm', amendmentId: 'a1' },
      'motion.amendment_decided',
    );
    await refused(
      setup,
      { type: 'motion.rejectAmendment', motionId: 'm', amendmentId: 'zz' },
      'entity.not_found',
    );
    expect(setup.current().body).toBe('甲');
  });

  it('is the organizer’s office’s alone, like accepting', async () => {
    const setup = await draft({ amendableBy: 'electorate' });
    await must(setup.governance, propose('a1', '甲'));
    for (const type of ['motion.acceptAmendment', 'motion.rejectAmendment'])
      await refused(setup, { type, motionId: 'm', amendmentId: 'a1' }, 'auth.forbidden', 'household:u101');
    await must(setup.governance, { type: 'motion.acceptAmendment', motionId: 'm', amendmentId: 'a1' });
  });
});

describe('who may propose an amendment', () => {
  it('the organizer always; a voter only where the motion is open to the electorate', async () => {
    const closed = await draft();
    await refused(
      closed,
      propose('a1', '甲', { voterId: 'o101' }),
      'motion.amendments_closed',
      'household:u101',
    );
    // The organizer may still propose, and may transcribe a voter's written proposal.
    await must(closed.governance, propose('a1', '甲'), propose('a2', '乙', { voterId: 'o102' }));

    const open = await draft({ amendableBy: 'electorate' });
    await must(open.governance, {
      ...propose('r1', '丙', { voterId: 'o101', note: '加一条' }),
      // must() runs as the default actor; the household's own proposal is below.
    });
    const byHousehold = await open.governance.execute(propose('r2', '丁', { voterId: 'o102' }), {
      actor: 'household:u102',
    });
    expect(byHousehold.ok).toBe(true);
    expect(open.current().amendments.map((a) => [a.id, a.voterId, a.proposedBy])).toEqual([
      ['r1', 'o101', 'tester'],
      ['r2', 'o102', 'household:u102'],
    ]);
  });

  it('refuses a voter who would not be on the roll, and a household naming no voter', async () => {
    const setup = await draft({ amendableBy: 'electorate' });
    await refused(setup, propose('a1', '甲', { voterId: 'nobody' }), 'ballot.not_eligible', 'household:u101');
    await refused(setup, propose('a1', '甲'), 'motion.amendments_closed', 'household:u101');
  });
});

describe('pending amendments when the motion opens', () => {
  it('refuses to open while a proposal waits for a decision, then opens once each is decided', async () => {
    const setup = await draft();
    await must(setup.governance, propose('a1', '甲'), propose('a2', '乙'));
    await refused(setup, { type: 'motion.open', motionId: 'm' }, 'motion.amendments_pending');
    await must(
      setup.governance,
      { type: 'motion.acceptAmendment', motionId: 'm', amendmentId: 'a2' },
      { type: 'motion.rejectAmendment', motionId: 'm', amendmentId: 'a1' },
      { type: 'motion.open', motionId: 'm' },
    );
    expect(setup.current().status).toBe('open');
    await refused(setup, propose('a3', '丙'), 'motion.not_draft');
  });

  it('holds for any sequence: the body is the last accepted text, and it opens iff nothing is pending', async () => {
    const step = fc.oneof(
      fc.record({ op: fc.constant('propose' as const), text: fc.string({ minLength: 1, maxLength: 8 }) }),
      fc.record({ op: fc.constantFrom('accept' as const, 'reject' as const), pick: fc.nat(9) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 8 }), async (steps) => {
        const setup = await draft();
        let expected = ORIGINAL;
        const decided = new Map<string, boolean>();
        const texts: string[] = [];
        for (const s of steps) {
          if (s.op === 'propose') {
            const id = `a${texts.length}`;
            const r = await setup.governance.execute(propose(id, `x${s.text}`));
            if (r.ok) texts.push(`x${s.text}`);
            continue;
          }
          const id = `a${s.pick}`;
          const type = s.op === 'accept' ? 'motion.acceptAmendment' : 'motion.rejectAmendment';
          const r = await setup.governance.execute({ type, motionId: 'm', amendmentId: id });
          const known = s.pick < texts.length;
          expect(r.ok).toBe(known && !decided.has(id));
          if (r.ok) {
            decided.set(id, s.op === 'accept');
            if (s.op === 'accept') expected = texts[s.pick] ?? fail();
          }
        }
        expect(setup.current().body).toBe(expected);
        const opened = await setup.governance.execute({ type: 'motion.open', motionId: 'm' });
        expect(opened.ok || opened.error.code).toBe(
          decided.size === texts.length ? true : 'motion.amendments_pending',
        );
      }),
      { numRuns: 25 },
    );
  });
});

function fail(): never {
  throw new Error('missing');
}
