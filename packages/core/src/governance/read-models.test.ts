import { computed } from '@preact/signals-core';
import { describe, expect, it } from 'vitest';
import { sealEvents } from '../log/event.js';
import { MemoryStore } from '../log/memory-store.js';
import { chineseHolidays } from '../rotation/holidays.js';
import { fixedClock } from '../time/clock.js';
import { localDateOf } from '../time/local-date.js';
import { createLiveState } from './live-state.js';
import { createReadModels } from './read-models.js';
import { applyEvents } from './state.js';

const at = '2026-11-29T02:00:00.000Z';
const event = (type: string, payload: unknown) => ({ at, actor: 'tester', type, payload });

async function stairwell() {
  const store = new MemoryStore();
  await store.append(
    [
      event('community.founded', { communityId: 'xfkl', name: '新福康里' }),
      event('building.added', { buildingId: 'b96', name: '96号楼' }),
      event('stairwell.added', { stairwellId: 's1', buildingId: 'b96', name: '1单元' }),
    ],
    { expectedSeq: 0 },
  );
  const live = await createLiveState({ store }, true);
  const reads = createReadModels(live, {
    clock: fixedClock(at),
    timeZone: 'Asia/Shanghai',
    holidays: chineseHolidays,
  });
  return { store, live, reads };
}

describe('createReadModels', () => {
  it('answers queries on the current state', async () => {
    const { reads } = await stairwell();
    expect(reads.head.value.seq).toBe(3);
    expect(reads.community.value.buildings.map((b) => b.name)).toEqual(['96号楼']);
    expect(reads.stairwellBuilding('s1')).toBe('b96');
    expect(reads.unit('nowhere')).toBeUndefined();
    expect(reads.tally('nowhere')).toBeUndefined();
    expect(reads.ballots('nowhere')).toEqual([]);
    expect(reads.roster('nowhere', localDateOf(new Date(at)))).toEqual([]);
    expect(reads.fundSummary('nowhere')).toBeUndefined();
    expect(reads.motions.value).toEqual([]);
  });

  it('re-runs a computed query after committed events, never after tentative ones', async () => {
    const { store, live, reads } = await stairwell();
    let runs = 0;
    const buildings = computed(() => {
      runs += 1;
      return reads.read((state) => state.community.buildings.size);
    });
    expect(buildings.value).toBe(1);
    applyEvents(
      live.state,
      sealEvents([event('building.added', { buildingId: 'b97', name: '97号楼' })], live.state.head),
    );
    expect(buildings.value).toBe(1); // tentative: the cached answer stands
    expect(runs).toBe(1);
    await live.rebuild();
    await store.append([event('building.added', { buildingId: 'b98', name: '98号楼' })], { expectedSeq: 3 });
    await live.refresh();
    expect(buildings.value).toBe(2);
    expect(reads.head.value.seq).toBe(4);
  });
});
