import { type Governance, linliError, type Voter } from '@linli/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionCommand, actionsFor, instantOfLocal } from './motion-actions.ts';
import { describeHistory } from './motion-history.ts';
import { paperChoices } from './paper-choices.ts';
import { nextPaperRef } from './paper-ref.ts';
import { findRoom, normalizeRoom, type RoomEntry, roomsRepeat, withRoomNames } from './room-lookup.ts';

const voter = (id: string, unitIds: string[]): Voter => ({
  id,
  members: [id],
  unitIds,
  area: 7532,
  custom: 0,
});
const units: RoomEntry[] = [
  { unitId: 'u9-602', buildingId: 'b9', room: '602' },
  { unitId: 'u9-101', buildingId: 'b9', room: '101' },
  { unitId: 'u7-101', buildingId: 'b7', room: '101' },
];
const motion = { electorate: [voter('o602', ['u9-602']), voter('o101', ['u9-101'])] };

describe('finding the room typed on a paper form', () => {
  it('names the unit and the roll’s voter that holds it, however the room is written', () => {
    for (const typed of ['602', ' 602 ', '０６０２', '0602'])
      expect(findRoom(units, motion, typed)).toEqual({
        kind: 'unit',
        unit: units[0],
        voter: motion.electorate[0],
      });
  });

  it('asks for the building when the room repeats across buildings, and finds it once chosen', () => {
    expect(roomsRepeat(units)).toBe(true);
    expect(roomsRepeat(units.slice(0, 2))).toBe(false);
    expect(findRoom(units, motion, '101')).toEqual({ kind: 'ambiguous', buildings: ['b9', 'b7'] });
    expect(findRoom(units, motion, '101', 'b9')).toMatchObject({ kind: 'unit', unit: units[1] });
  });

  it('finds a unit that is not on the roll without a voter (the core refuses it), and nothing for an unknown room', () => {
    expect(findRoom(units, motion, '101', 'b7')).toEqual({ kind: 'unit', unit: units[2] });
    expect(findRoom(units, motion, '999')).toEqual({ kind: 'none' });
    expect(findRoom(units, motion, '')).toEqual({ kind: 'none' });
  });

  it('normalizes digits only: a typed room never matches a different room', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 9999 }), (a, b) => {
        expect(normalizeRoom(String(a)) === normalizeRoom(String(b))).toBe(a === b);
      }),
    );
  });
});

describe('the answers a paper form offers', () => {
  const base = { options: [], allowBlock: false } as const;
  it('yes / no / abstain for a proposal (block where allowed), each option for a single choice, none for marks', () => {
    expect(paperChoices({ ...base, kind: 'proposal' }).map((c) => c.fields)).toEqual([
      { vote: 'yes' },
      { vote: 'no' },
      { vote: 'abstain' },
    ]);
    expect(paperChoices({ ...base, kind: 'proposal', allowBlock: true })).toHaveLength(4);
    const options = [
      { id: 'a', label: '甲公司' },
      { id: 'b', label: '乙公司' },
    ];
    expect(paperChoices({ ...base, kind: 'single', options }).map((c) => c.fields)).toEqual([
      { option: 'a' },
      { option: 'b' },
    ]);
    expect(paperChoices({ ...base, kind: 'ranked', options })).toEqual([]);
  });
});

describe('the next ballot number', () => {
  it('raises the trailing number and keeps its padding', () => {
    expect(nextPaperRef('P-009')).toBe('P-010');
    expect(nextPaperRef('17')).toBe('18');
    expect(nextPaperRef('999')).toBe('1000');
    expect(nextPaperRef('甲')).toBe('');
  });
});

describe('the motion page’s actions', () => {
  it('offers what the status admits and sends the command it names', () => {
    expect(actionsFor('draft')).toEqual(['open', 'cancel']);
    expect(actionsFor('open')).toEqual(['close', 'extend', 'cancel']);
    expect(actionsFor('closed')).toEqual([]);
    expect(actionCommand('cancel', 'm', { reason: '  ' })).toEqual({ type: 'motion.cancel', motionId: 'm' });
    expect(actionCommand('extend', 'm', { closesAt: 'x' })).toEqual({
      type: 'motion.extend',
      motionId: 'm',
      closesAt: 'x',
    });
  });

  it('reads a new closing time as China time, whatever the device’s zone', () => {
    expect(instantOfLocal('2026-12-01T20:00')).toBe('2026-12-01T12:00:00.000Z');
    expect(instantOfLocal('')).toBe('');
    expect(instantOfLocal('tomorrow')).toBe('');
  });

  it('names who did what in the history: you, the system, or another organizer', () => {
    const entry = {
      seq: 3,
      at: '2026-12-01T02:00:00Z',
      action: 'opened',
      date: '2026-12-01',
      voters: 8,
    } as const;
    const me = { id: 'org1', name: '王阿姨' };
    expect(describeHistory({ ...entry, actor: 'residents-committee/org1' }, 'zh-CN', me)).toEqual({
      who: '您（王阿姨）',
      what: '开始投票（8 个有表决权）',
    });
    expect(describeHistory({ ...entry, actor: 'scheduler' }, 'en', me).who).toBe(
      'the system (deadline reached)',
    );
    expect(describeHistory({ ...entry, actor: 'residents-committee/org2' }, 'en', me).who).toBe(
      'organizer org2',
    );
  });

  it('names other organizers by name, not by the id the log keeps, and says when papers went unchecked', () => {
    const people = [
      { id: 'org1', name: '王阿姨', role: 'building-head', active: true },
      { id: 'org2', name: '李主任', role: 'residents-committee', active: false },
    ];
    const closed = {
      seq: 9,
      at: '2026-12-01T02:00:00Z',
      actor: 'residents-committee/org2',
      action: 'closed',
      early: true,
      outcome: 'passed',
      winners: [],
      unconfirmedPapers: 2,
    } as const;
    expect(describeHistory(closed, 'zh-CN', undefined, { people })).toEqual({
      who: '组织者 李主任',
      what: '结束投票，结果：通过（2 张纸质选票没有经过第二人核对，未计入）',
    });
    expect(describeHistory(closed, 'en', undefined, { people }).who).toBe('organizer 李主任');
    expect(
      describeHistory({ ...closed, actor: 'residents-committee/org7' }, 'en', undefined, { people }).who,
    ).toBe('organizer org7');
  });
});

describe('the core’s refusals, naming rooms', () => {
  const community = {
    units: new Map([['u9-101', { id: 'u9-101', room: '101', stairwellId: 's1' }]]),
    stairwells: new Map([['s1', { id: 's1', buildingId: 'b9' }]]),
    buildings: new Map([['b9', { id: 'b9', name: '9号楼' }]]),
  };
  const gov = { read: (fn: (s: unknown) => unknown) => fn({ community }) } as unknown as Pick<
    Governance,
    'read'
  >;

  it('re-renders the same typed error with the room for a unit or a voter of the roll', () => {
    const capped = withRoomNames(
      linliError('proxy.cap_reached', ['holder'], { holder: 'u9-101', cap: 1 }),
      gov,
      motion,
    );
    expect(capped).toMatchObject({
      code: 'proxy.cap_reached',
      path: ['holder'],
      params: { holder: '101', cap: 1 },
    });
    expect(capped.message['zh-CN']).toBe('101 已代理 1 人，达到本议题上限');
    const offRoll = withRoomNames(
      linliError('ballot.not_eligible', ['voterId'], { voterId: 'o101' }),
      gov,
      motion,
    );
    expect(offRoll.message.en).toBe('"101" is not on this motion\'s electoral roll');
  });

  it('leaves an error naming no room as it is', () => {
    const error = linliError('ballot.already_cast', ['voterId']);
    expect(withRoomNames(error, gov, motion)).toBe(error);
  });
});
