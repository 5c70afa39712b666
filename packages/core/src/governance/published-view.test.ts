import { describe, expect, it } from 'vitest';
import { building96, must } from '../../test/fixtures.js';
import { linliError } from '../errors/linli-error.js';
import type { LocalDate } from '../time/local-date.js';
import { publishView, READ_ONLY_ERROR, viewGovernance } from './published-view.js';

describe('published views', () => {
  it('name the community, so a page can title itself without the organizer’s log', async () => {
    const { governance } = await building96();
    const view = publishView(governance, {
      asOf: '2026-11-29' as LocalDate,
      rosterUntil: '2027-01-31' as LocalDate,
    });
    expect(view.community).toEqual({ name: governance.community.value.community?.name });
    expect(view.community?.name).toBeTruthy();
  });

  it('show through lookups exactly what the live governance shows, and refuse commands', async () => {
    const { governance } = await building96();
    await must(
      governance,
      {
        type: 'motion.draft',
        id: 'm',
        title: 'T',
        kind: 'proposal',
        scope: { kind: 'stairwell', id: 's1' },
        basis: 'owners',
        rule: 'civilCode278.major',
        closesAt: '2026-12-20T10:00:00Z',
      },
      { type: 'motion.open', motionId: 'm' },
      { type: 'ballot.cast', motionId: 'm', voterId: 'o101', vote: 'yes' },
    );
    const view = JSON.parse(
      JSON.stringify(
        publishView(governance, { asOf: '2026-11-29' as LocalDate, rosterUntil: '2027-01-31' as LocalDate }),
      ),
    );
    const models = viewGovernance(view);
    expect(models.motions.value).toEqual(governance.motions.value);
    expect(models.tally('m')).toEqual(JSON.parse(JSON.stringify(governance.tally('m'))));
    expect(models.ballots('m')).toEqual(governance.ballots('m'));
    expect(models.unit('u301')).toEqual({ room: '301', floor: 3, buildingId: 'b96' });
    expect(models.stairwellBuilding('s1')).toBe('b96');
    const refused = await models.execute({
      type: 'ballot.cast',
      motionId: 'm',
      voterId: 'o102',
      vote: 'yes',
    });
    expect(refused.ok || refused.error).toEqual(READ_ONLY_ERROR);
  });

  it('spells the read-only refusal exactly as the message catalog does', () => {
    expect(READ_ONLY_ERROR).toEqual(linliError('view.read_only'));
  });
});
