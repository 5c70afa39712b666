import { createGovernance, type EventStore, type LogHead, MemoryStore, sequentialIds } from '@linli/core';
import { describe, expect, it } from 'vitest';
import { millisecondsBetween, recoverBallots, secretElection } from './ballot-attack.js';

const OPENED = new Date('2026-11-30T08:00:00.000Z');

/** Five households vote on a secret motion, one of them twice; answers the heads an outsider saw. */
async function secretVote(store: EventStore): Promise<{ heads: LogHead[]; cast: Map<string, string> }> {
  let now = OPENED.getTime();
  const clock = { now: () => new Date(now) };
  const gov = await createGovernance({ store, clock, ids: sequentialIds() });
  const heads: LogHead[] = [];
  gov.head.subscribe((head) => heads.push(head));
  await gov.execute({ type: 'community.found', name: '新福康里', id: 'c' });
  await gov.execute({ type: 'building.add', id: 'b', name: '96号' });
  await gov.execute({ type: 'stairwell.add', id: 's', buildingId: 'b', name: '1单元' });
  for (let i = 1; i <= 5; i++) {
    const unit = { type: 'unit.add', id: `u${i}`, stairwellId: 's', floor: i, room: `${i}01`, area: 7000 };
    await gov.execute({ ...unit, areaSource: 'registered' });
    await gov.execute({ type: 'resident.moveIn', unitId: `u${i}`, birthYear: 1978, date: '2012-06-01' });
  }
  await gov.execute(secretElection('m', 'b', { zhang: '张', li: '李', wang: '王' }, '2026-12-30T00:00:00Z'));
  await gov.execute({ type: 'motion.open', motionId: 'm' });
  const cast = new Map<string, string>();
  for (const [unit, option] of [
    ['u1', 'li'],
    ['u2', 'zhang'],
    ['u3', 'wang'],
    ['u4', 'li'],
    ['u1', 'wang'], // a changed vote
  ] as const) {
    now += 17;
    const voted = await gov.execute(
      { type: 'ballot.cast', motionId: 'm', voterId: unit, option },
      { actor: `household:${unit}` },
    );
    expect(voted.ok).toBe(true);
    cast.set(unit, option);
  }
  gov.dispose();
  return { heads, cast };
}

const space = {
  motionId: 'm',
  voters: ['u1', 'u2', 'u3', 'u4', 'u5'].map((id) => ({ id, unitIds: [id] })),
  // The event records a single-choice ballot by the option's index.
  choices: [0, 1, 2].map((option) => ({ kind: 'single', option })),
  times: millisecondsBetween(OPENED, new Date(OPENED.getTime() + 200)),
};

describe('the brute-force attack on published heads (issue #13)', () => {
  it('recovers every secret ballot, the changed one included, from format-1 heads', async () => {
    // The log as it was sealed before salts: every draft in format 1.
    const inner = new MemoryStore();
    const unsalted: EventStore = {
      append: (drafts, o) =>
        inner.append(
          drafts.map((d) => ({ ...d, v: 1 as const })),
          o,
        ),
      read: (o) => inner.read(o),
      subscribe: (listener) => inner.subscribe(listener),
    };
    const { heads } = await secretVote(unsalted);
    const recovered = recoverBallots(heads, space);
    const names = ['zhang', 'li', 'wang'];
    expect(recovered.map((r) => [r.voterId, names[(r.choice as { option: number }).option]])).toEqual([
      ['u1', 'li'],
      ['u2', 'zhang'],
      ['u3', 'wang'],
      ['u4', 'li'],
      ['u1', 'wang'],
    ]);
  });

  it('recovers nothing from format-2 heads, nor from 16-digit prefixes of them', async () => {
    const { heads } = await secretVote(new MemoryStore());
    expect(
      recoverBallots(
        heads,
        space,
        heads.map((h) => h.hash.slice(0, 16)),
      ),
    ).toEqual([]);
  });
});
