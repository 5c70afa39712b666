import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../log/memory-store.js';
import { seededGovernance } from '../seed/seeded-governance.js';
import { actsForOrganizer, officeOf } from './office.js';

describe('officeOf', () => {
  it('is the part before the first slash, or the whole actor', () => {
    expect(officeOf('residents-committee/org-2')).toBe('residents-committee');
    expect(officeOf('residents-committee')).toBe('residents-committee');
    expect(officeOf('household:u102')).toBe('household:u102');
  });

  it('lets every person of an office act for it, and nobody outside it', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z:-]{1,12}$/),
        fc.stringMatching(/^[a-z0-9-]{1,8}$/),
        fc.stringMatching(/^[a-z0-9-]{1,8}$/),
        (office, a, b) => {
          expect(actsForOrganizer(`${office}/${a}`, `${office}/${b}`)).toBe(true);
          expect(actsForOrganizer(`${office}/${a}`, office)).toBe(true);
          expect(actsForOrganizer(`${office}x/${a}`, office)).toBe(false);
        },
      ),
    );
  });
});

describe('an office closes its motions early', () => {
  it('any organizer of the drafting office closes early; another office is refused', async () => {
    const { governance: gov } = await seededGovernance({
      store: new MemoryStore(),
      actor: 'residents-committee',
    });
    const open = gov.motions.value.find((m) => m.status === 'open');
    if (!open) throw new Error('the seed has an open motion');
    const outsider = await gov.execute(
      { type: 'motion.close', motionId: open.id },
      { actor: 'owners-committee/org-1' },
    );
    expect(outsider.ok ? '' : outsider.error.code).toBe('motion.not_organizer');
    const colleague = await gov.execute(
      { type: 'motion.close', motionId: open.id },
      { actor: 'residents-committee/org-2' },
    );
    expect(colleague.ok).toBe(true);
    gov.dispose();
  });
});
