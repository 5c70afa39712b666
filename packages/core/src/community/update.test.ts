import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshGovernance, must } from '../../test/fixtures.js';
import { stairwellCommands } from '../testing/stairwell.js';

async function stairwell() {
  const setup = await freshGovernance();
  await must(setup.governance, ...stairwellCommands({ households: 2, residents: true, since: '2015-03-01' }));
  return setup;
}

describe('owner.update and resident.update: corrections to the register', () => {
  it("corrects an owner's name and phone, and nothing else", async () => {
    const { governance } = await stairwell();
    await must(governance, {
      type: 'owner.update',
      ownerId: 'o101',
      name: '李建国',
      contact: { phone: '13800000000' },
    });
    const owner = governance.read((s) => s.community.owners.get('o101'));
    expect(owner).toEqual({
      id: 'o101',
      name: '李建国',
      kind: 'person',
      developer: false,
      contact: { phone: '13800000000' },
    });
    // The ownership history is not an edit's business.
    expect(governance.read((s) => s.community.units.get('u101')?.ownership)).toEqual([
      { ownerIds: ['o101'], from: '2015-03-01' },
    ]);
  });

  it("records a resident's birth year, which the rota's age exemption reads", async () => {
    const { governance } = await stairwell();
    await must(governance, { type: 'resident.update', residentId: 'r102', birthYear: 1938, name: '张奶奶' });
    expect(governance.read((s) => s.community.residents.get('r102'))).toEqual({
      id: 'r102',
      unitId: 'u102',
      movedIn: '2015-03-01',
      name: '张奶奶',
      birthYear: 1938,
    });
  });

  it('keeps a moved-out resident moved out when corrected', async () => {
    const { governance } = await stairwell();
    await must(
      governance,
      { type: 'resident.moveOut', residentId: 'r101', date: '2020-05-01' },
      { type: 'resident.update', residentId: 'r101', name: '王先生' },
    );
    expect(governance.read((s) => s.community.residents.get('r101'))?.movedOut).toBe('2020-05-01');
  });

  it.each([
    [{ type: 'owner.update', ownerId: 'nobody', name: '某' }, 'entity.not_found', ['ownerId']],
    [{ type: 'resident.update', residentId: 'nobody', name: '某' }, 'entity.not_found', ['residentId']],
    [{ type: 'owner.update', ownerId: 'o101' }, 'edit.no_change', []],
    [{ type: 'owner.update', ownerId: 'o101', name: '101室业主' }, 'edit.no_change', []],
    [
      { type: 'resident.update', residentId: 'r101', birthYear: 2016 },
      'resident.born_after_move_in',
      ['birthYear'],
    ],
    [{ type: 'resident.update', residentId: 'r101', birthYear: 1800 }, 'validation.too_small', ['birthYear']],
  ])('refuses %j with %s and changes nothing', async (command, code, path) => {
    const { governance } = await stairwell();
    const before = governance.head.value;
    const result = await governance.execute(command);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.path).toEqual(path);
      expect(result.error.message['zh-CN']).not.toBe('');
    }
    expect(governance.head.value).toEqual(before);
  });

  it('changes exactly the fields given; a correction that changes nothing is refused and logs nothing', async () => {
    const { governance } = await stairwell();
    const field = fc.record(
      {
        name: fc.constantFrom('王阿姨', '李伯伯', '101室业主'),
        birthYear: fc.integer({ min: 1900, max: 2015 }),
        contact: fc.record({ phone: fc.constantFrom('13800000000', '021-5555') }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(field, async (edit) => {
        const before = governance.read((s) => s.community.residents.get('r101'));
        const head = governance.head.value;
        const result = await governance.execute({ type: 'resident.update', residentId: 'r101', ...edit });
        const after = governance.read((s) => s.community.residents.get('r101'));
        const same =
          (edit.name === undefined || edit.name === before?.name) &&
          (edit.birthYear === undefined || edit.birthYear === before?.birthYear) &&
          (edit.contact === undefined || (edit.contact.phone ?? '') === (before?.contact?.phone ?? ''));
        if (same) {
          expect(result.ok).toBe(false);
          expect(governance.head.value).toEqual(head);
          expect(after).toEqual(before);
        } else {
          expect(result.ok).toBe(true);
          expect(after?.movedIn).toBe(before?.movedIn);
          if (edit.name !== undefined) expect(after?.name).toBe(edit.name);
          if (edit.birthYear !== undefined) expect(after?.birthYear).toBe(edit.birthYear);
          if (edit.name === undefined) expect(after?.name).toBe(before?.name);
          if (edit.birthYear === undefined) expect(after?.birthYear).toBe(before?.birthYear);
        }
      }),
      { numRuns: 60 },
    );
  });
});
