import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../log/event.js';
import { EMPTY_HEAD, sealEvents } from '../log/event.js';
import { noHolidays } from '../rotation/holidays.js';
import type { LocalDate } from '../time/local-date.js';
import { parseWith } from '../validation/zod-errors.js';
import { commandSchema } from './commands.js';
import { decide } from './decide.js';
import { applyEvent, emptyState, type GovernanceState } from './state.js';

// Heap is measured after full collections; the test runner does not expose gc, so it is switched on here.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heapAfterGc = () => {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
};

const N = 20_000;
const AT = '2026-11-29T02:00:00.000Z';
type Draft = Parameters<typeof sealEvents>[0][number];
const d = (type: string, payload: unknown) => ({ at: AT, actor: 'organizer', type, payload }) as Draft;

/** Seals the drafts, reads them back as JSON (as from a store, sharing no string) and folds them in. */
function fold(state: GovernanceState, make: () => Draft[]): void {
  const sealed = JSON.parse(JSON.stringify(sealEvents(make(), state.head))) as LoggedEvent[];
  for (const event of sealed) applyEvent(state, event);
}

/** The events `decide` makes of a command on `state`, as drafts stamped at {@link AT}. */
function decided(state: GovernanceState, command: unknown): Draft[] {
  const parsed = parseWith(commandSchema, command);
  if (!parsed.ok) throw new Error(parsed.error.message.en);
  const context = {
    newId: (kind: string) => kind,
    today: '2026-11-29' as LocalDate,
    now: new Date(AT),
    actor: 'organizer',
    head: state.head,
    holidays: noHolidays,
    // Fixed bytes wherever decide draws secret randomness: nothing measured here depends on them.
    random: (length: number) => new Uint8Array(length).fill(7),
  };
  const events = decide(state, parsed.value, context);
  if (!events.ok) throw new Error(events.error.message.en);
  return events.value.map((e) => d(e.type, e.payload));
}

describe('memory held per household (heap after GC, state read from JSON events)', () => {
  it('a sale and a yes/no ballot cost what their data needs, not spare room in spread copies', () => {
    const state = emptyState();
    fold(state, () => [
      d('community.founded', { communityId: 'c', name: '新福康里' }),
      d('building.added', { buildingId: 'b', name: '1号楼' }),
      d('stairwell.added', { stairwellId: 's', buildingId: 'b', name: '1单元' }),
      ...Array.from({ length: N }, (_, i) => [
        d('unit.added', {
          unitId: `u${i}`,
          stairwellId: 's',
          room: `${i}`,
          floor: 1,
          area: 7500,
          areaSource: 'registered',
        }),
        d('owner.registered', { ownerId: `o${i}`, name: `业主${i}`, kind: 'person', developer: false }),
      ]).flat(),
    ]);
    const beforeSales = heapAfterGc();
    fold(state, () =>
      Array.from({ length: N }, (_, i) =>
        d('unit.transferred', { unitId: `u${i}`, ownerIds: [`o${i}`], date: '2010-06-01' }),
      ),
    );
    const sale = (heapAfterGc() - beforeSales) / N;
    fold(state, () =>
      decided(state, {
        type: 'motion.draft',
        id: 'm',
        title: '加装电梯',
        kind: 'proposal',
        scope: { kind: 'community' },
        basis: 'owners',
        rule: 'civilCode278.major',
        closesAt: '2026-12-20T10:00:00Z',
      }),
    );
    fold(state, () => decided(state, { type: 'motion.open', motionId: 'm' }));
    const beforeBallots = heapAfterGc();
    fold(state, () =>
      Array.from({ length: N }, (_, i) =>
        d('ballot.cast', {
          motionId: 'm',
          ballot: {
            voterId: `o${i}`,
            choice: { kind: 'proposal', vote: 'yes' },
            channel: 'direct',
            castBy: `o${i}`,
            at: AT,
          },
        }),
      ),
    );
    const ballot = (heapAfterGc() - beforeBallots) / N;
    expect(state.voting.motions.get('m')?.ballots.size).toBe(N);
    // Measured: a sale ≈ 150 B (was ≈ 250: the spread ownership list kept 16 spare slots), a ballot
    // ≈ 210 B (was ≈ 470: the spread copy was a slow object). The bounds leave room for GC noise.
    expect(sale).toBeLessThan(200);
    expect(ballot).toBeLessThan(320);
  });

  it('an event in a log in memory costs its fields and its hash, not a slow spread copy', () => {
    const drafts = Array.from({ length: N }, (_, i) =>
      d('owner.registered', { ownerId: `o${i}`, name: `业主${i}`, kind: 'person', developer: false }),
    );
    const before = heapAfterGc();
    const log = sealEvents(drafts, EMPTY_HEAD);
    const perEvent = (heapAfterGc() - before) / N;
    expect(log).toHaveLength(N);
    // Measured ≈ 170 B besides the payload (≈ 80 of them the SHA-256 hex; a salt adds ≈ 50); was ≈ 470.
    expect(perEvent).toBeLessThan(300);
  });
});
