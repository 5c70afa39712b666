import { describe, expect, it } from 'vitest';
import { freshGovernance, must } from '../../test/fixtures.js';
import { stairwellCommands } from '../testing/stairwell.js';
import type { LocalDate } from '../time/local-date.js';
import { previewElectorate } from './electorate-preview.js';

const closesAt = '2026-12-20T10:00:00Z';
const stairwell = { kind: 'stairwell', id: 's1' } as const;
/** The fixtures' clock's day: the roll the preview shows is the one opening freezes today. */
const day = '2026-11-29' as LocalDate;

/** Four units; 101 and 102 have households, 201 and 202 stand empty; 101 has a child born 2020. */
async function community() {
  const setup = await freshGovernance();
  await must(
    setup.governance,
    ...stairwellCommands({ households: 4 }),
    { type: 'resident.moveIn', unitId: 'u101', id: 'r101', date: '2012-01-01' },
    { type: 'resident.moveIn', unitId: 'u101', id: 'kid', birthYear: 2020, date: '2020-06-01' },
    { type: 'resident.moveIn', unitId: 'u102', id: 'r102', date: '2012-01-01' },
  );
  return setup.governance;
}

describe('previewElectorate', () => {
  it('is the roll motion.open freezes, with heads and area', async () => {
    const gov = await community();
    const preview = gov.read((s) =>
      previewElectorate(s.community, { basis: 'owners', scope: stairwell }, day),
    );
    expect(preview).toMatchObject({ heads: 4, area: 30_000, unitsInScope: 4, excluded: [] });
    await must(
      gov,
      {
        type: 'motion.draft',
        id: 'm',
        title: '加装电梯',
        kind: 'proposal',
        scope: stairwell,
        basis: 'owners',
        rule: 'simpleMajority',
        closesAt,
      },
      { type: 'motion.open', motionId: 'm' },
    );
    const opened = gov.motions.value.find((m) => m.id === 'm');
    expect(opened?.status).toBe('open');
    expect(opened?.electorate).toEqual(preview.voters);
  });

  it('says which units have no household', async () => {
    const gov = await community();
    const preview = gov.read((s) =>
      previewElectorate(s.community, { basis: 'households', scope: stairwell }, day),
    );
    expect(preview.heads).toBe(2);
    expect(preview.area).toBe(15_000);
    expect(preview.excluded).toEqual([
      { unitId: 'u201', reason: 'noResidents' },
      { unitId: 'u202', reason: 'noResidents' },
    ]);
  });

  it('says which residents are under the minimum age', async () => {
    const gov = await community();
    const preview = gov.read((s) =>
      previewElectorate(s.community, { basis: 'residents', scope: stairwell, minAge: 18 }, day),
    );
    expect(preview.voters.map((v) => v.id)).toEqual(['r101', 'r102']);
    expect(preview.area).toBe(0);
    expect(preview.excluded).toContainEqual({ unitId: 'u101', residentId: 'kid', reason: 'underAge' });
  });
});
