import fc from 'fast-check';

const buildingId = fc.constantFrom('b1', 'b2', 'b3');
const stairwellId = fc.constantFrom('s1', 's2', 's3');
const unitId = fc.constantFrom('u1', 'u2', 'u3', 'u4', 'u5');
const ownerId = fc.constantFrom('o1', 'o2', 'o3', 'dev');
const residentId = fc.constantFrom('r1', 'r2', 'r3');
const date = fc.constantFrom(
  '2010-01-01',
  '2015-06-30',
  '2020-02-29',
  '2024-12-31',
  '2023-02-29',
  'yesterday',
);
const name = fc.oneof(
  fc.constantFrom('96号楼', '1单元', '王阿姨', 'Li'),
  fc.constant(''),
  fc.string({ maxLength: 3 }),
);

/**
 * Random commands over a small id space, so references often hit and often miss, including invalid
 * ones (empty names, bad dates, wrong types). Ids are always given, so two writers can collide.
 */
export const commandArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ type: fc.constant('community.found'), name }),
  fc.record({ type: fc.constant('building.add'), name, id: buildingId }),
  fc.record({ type: fc.constant('stairwell.add'), buildingId, name, id: stairwellId }),
  fc.record({
    type: fc.constant('unit.add'),
    stairwellId,
    room: fc.constantFrom('101', '102', '201', ''),
    floor: fc.oneof(fc.integer({ min: -2, max: 9 }), fc.constant(1.5)),
    area: fc.integer({ min: -10, max: 20_000 }),
    areaSource: fc.constantFrom('registered', 'surveyed', 'contract', 'guess'),
    id: unitId,
  }),
  fc.record({
    type: fc.constant('unit.recordArea'),
    unitId,
    area: fc.integer({ min: 0, max: 20_000 }),
    areaSource: fc.constantFrom('registered', 'surveyed', 'contract'),
  }),
  fc.record({
    type: fc.constant('owner.register'),
    name,
    kind: fc.constantFrom('person', 'organisation'),
    developer: fc.boolean(),
    id: ownerId,
  }),
  fc.record({
    type: fc.constant('unit.transfer'),
    unitId,
    ownerIds: fc.array(ownerId, { maxLength: 3 }),
    date,
  }),
  fc.record({
    type: fc.constant('resident.moveIn'),
    unitId,
    birthYear: fc.integer({ min: 1870, max: 2030 }),
    id: residentId,
    date,
  }),
  fc.record({ type: fc.constant('resident.moveOut'), residentId, date }),
  fc.constantFrom(null, 'building.add', { type: 'nonsense' }, { type: 'building.add' }),
);
