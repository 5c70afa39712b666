import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { building96, must, stairwellMotion } from '../../test/fixtures.js';
import { summarizeLedger } from '../funds/ledger.js';
import { publishView } from '../governance/published-view.js';
import { restoreSnapshot, takeSnapshot } from '../governance/snapshot.js';
import type { LocalDate } from '../time/local-date.js';
import { visibleTally } from '../voting/visibility.js';
import { announcementReads } from './queries.js';
import { draftArrearsReminder, draftMotionReminder } from './reminders.js';

const SHA = 'ab'.repeat(32);
const lift = {
  type: 'announcement.post',
  id: 'lift',
  title: '电梯停运通知',
  body: '12月3日 9:00–17:00 电梯检修。\n请走楼梯。<b>不是标签</b>',
  scope: { kind: 'building', id: 'b96' },
  expiresOn: '2026-12-03',
  attachments: [{ sha256: SHA, type: 'application/pdf', size: 1234, name: '检修单.pdf' }],
} as const;

/** Building 96 (stairwell s1, units u101…u602) and Building 97 with one unit, u9701. */
async function twoBuildings() {
  const setup = await building96();
  await must(
    setup.governance,
    { type: 'building.add', name: '97号楼', id: 'b97' },
    { type: 'stairwell.add', buildingId: 'b97', name: '1单元', id: 's97' },
    {
      type: 'unit.add',
      stairwellId: 's97',
      room: '101',
      floor: 1,
      area: 7500,
      areaSource: 'registered',
      id: 'u9701',
    },
  );
  return setup;
}

const asOf = (date: string) => ({ asOf: date as LocalDate, rosterUntil: date as LocalDate });

describe('announcements: post, scope, expiry, withdraw', () => {
  it('publishes a posted notice with its scope, body as written and attachment, until its last day', async () => {
    const { governance } = await twoBuildings();
    await must(governance, lift);
    const [shown] = publishView(governance, asOf('2026-12-03')).announcements ?? [];
    expect(shown).toMatchObject({
      id: 'lift',
      title: '电梯停运通知',
      body: lift.body,
      scope: { kind: 'building', id: 'b96' },
      postedOn: '2026-11-29',
      expiresOn: '2026-12-03',
      attachments: lift.attachments,
    });
    expect(governance.announcements().map((n) => n.id)).toEqual(['lift']);
    // The day after its last day, it is gone from the view (and stays in the log).
    expect(publishView(governance, asOf('2026-12-04')).announcements).toEqual([]);
  });

  it('refuses a last day already past, an unknown building, a blank title, and changes nothing', async () => {
    const { governance } = await twoBuildings();
    const before = governance.head.value;
    const cases = [
      [{ ...lift, expiresOn: '2026-11-28' }, 'announcement.expired_on_post', ['expiresOn']],
      [{ ...lift, scope: { kind: 'building', id: 'b99' } }, 'entity.not_found', ['scope', 'id']],
      [{ ...lift, scope: { kind: 'stairwell', id: 'zz' } }, 'entity.not_found', ['scope', 'id']],
      [{ ...lift, title: ' \u200b ' }, 'text.blank', ['title']],
      [{ ...lift, body: '' }, 'validation.too_small', ['body']],
      [{ ...lift, scope: { kind: 'units', ids: ['u101'] } }, 'validation.invalid', ['scope', 'kind']],
    ] as const;
    for (const [command, code, path] of cases) {
      const result = await governance.execute(command);
      expect(result.ok ? 'accepted' : [result.error.code, result.error.path]).toEqual([code, path]);
    }
    expect(governance.head.value).toEqual(before);
  });

  it('withdraws a notice with its reason: it leaves the view, and a second withdrawal is refused', async () => {
    const { governance } = await twoBuildings();
    await must(governance, lift, {
      type: 'announcement.withdraw',
      announcementId: 'lift',
      reason: '检修改期',
    });
    expect(governance.announcements()).toEqual([]);
    expect(governance.read((s) => s.announcements.announcements.get('lift')?.withdrawn)).toEqual({
      on: '2026-11-29',
      reason: '检修改期',
    });
    const again = await governance.execute({
      type: 'announcement.withdraw',
      announcementId: 'lift',
      reason: 'x',
    });
    expect(again.ok ? 'accepted' : again.error.code).toBe('announcement.withdrawn');
  });
});

describe('announcements: reads', () => {
  it('counts a household once: a second read by the same household writes no event', async () => {
    const { governance, store } = await twoBuildings();
    await must(governance, lift, { type: 'announcement.markRead', announcementId: 'lift', unitId: 'u101' });
    const head = governance.head.value;
    const again = await governance.execute({
      type: 'announcement.markRead',
      announcementId: 'lift',
      unitId: 'u101',
    });
    expect(again.ok && again.value).toEqual([]);
    expect(governance.head.value).toEqual(head);
    expect((await store.read()).length).toBe(head.seq);
    const [reads] = governance.read((s) => announcementReads(s.community, s.announcements));
    expect(reads).toEqual({ announcementId: 'lift', title: '电梯停运通知', households: 12, read: 1 });
  });

  it('refuses a read by a household the notice is not for, or of a withdrawn notice', async () => {
    const { governance } = await twoBuildings();
    await must(governance, lift);
    const outside = await governance.execute({
      type: 'announcement.markRead',
      announcementId: 'lift',
      unitId: 'u9701',
    });
    expect(outside.ok ? 'accepted' : outside.error.code).toBe('announcement.not_in_scope');
    await must(governance, { type: 'announcement.withdraw', announcementId: 'lift', reason: '作废' });
    const late = await governance.execute({
      type: 'announcement.markRead',
      announcementId: 'lift',
      unitId: 'u101',
    });
    expect(late.ok ? 'accepted' : late.error.code).toBe('announcement.withdrawn');
  });

  it('shows organizers counts only, until the community lets them see which households read', async () => {
    const { governance } = await twoBuildings();
    await must(
      governance,
      lift,
      { type: 'announcement.markRead', announcementId: 'lift', unitId: 'u101' },
      { type: 'announcement.markRead', announcementId: 'lift', unitId: 'u302' },
    );
    const reads = () => governance.read((s) => announcementReads(s.community, s.announcements))[0];
    expect(reads()).not.toHaveProperty('readers');
    await must(governance, { type: 'announcement.setReadersPolicy', showReaders: true });
    expect(reads()?.readers).toEqual([
      { unitId: 'u101', room: '101', buildingId: 'b96', on: '2026-11-29' },
      { unitId: 'u302', room: '302', buildingId: 'b96', on: '2026-11-29' },
    ]);
    // The published view carries no read, whatever the policy.
    const view = JSON.stringify(publishView(governance, asOf('2026-11-29')).announcements);
    expect(view).not.toContain('u101');
    expect(view).not.toContain('u302');
  });

  it('property: the count is the number of distinct households in scope that read, and so is the event count', async () => {
    const units = ['u101', 'u102', 'u201', 'u202', 'u601', 'u9701'];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...units), { maxLength: 20 }), async (readers) => {
        const { governance } = await twoBuildings();
        await must(governance, lift);
        const seq = governance.head.value.seq;
        for (const unitId of readers)
          await governance.execute({ type: 'announcement.markRead', announcementId: 'lift', unitId });
        const distinct = new Set(readers.filter((u) => u !== 'u9701')).size;
        const [reads] = governance.read((s) => announcementReads(s.community, s.announcements));
        expect(reads?.read).toBe(distinct);
        expect(governance.head.value.seq - seq).toBe(distinct);
      }),
      { numRuns: 25 },
    );
  });

  it('keeps notices, reads and the policy through a snapshot', async () => {
    const { governance } = await twoBuildings();
    await must(
      governance,
      lift,
      { type: 'announcement.markRead', announcementId: 'lift', unitId: 'u101' },
      { type: 'announcement.setReadersPolicy', showReaders: true },
    );
    const snapshot = takeSnapshot(governance.read((s) => s as never));
    const restored = restoreSnapshot(JSON.parse(JSON.stringify(snapshot)));
    expect(restored.ok && takeSnapshot(restored.value)).toEqual(snapshot);
    const old = { ...snapshot, version: 4 } as Record<string, unknown>;
    delete old.announcements;
    const migrated = restoreSnapshot(old);
    expect(migrated.ok && migrated.value.announcements.announcements.size).toBe(0);
  });
});

describe('announcements: reminders drafted as notices', () => {
  it('drafts a reminder for an open secret motion: closing time, how to vote, turnout, and no voter', async () => {
    const { governance, clock } = await stairwellMotion({ secrecy: 'secret' });
    await must(governance, { type: 'ballot.cast', motionId: 'm', voterId: 'o101', vote: 'yes' });
    const [motion] = governance.motions.value;
    const entry = governance.read((s) => s.voting.motions.get('m'));
    if (!motion || !entry) throw new Error('no motion');
    const draft = draftMotionReminder(motion, visibleTally(entry, clock.now()));
    if (!draft.ok) throw new Error(draft.error.code);
    expect(draft.value).toMatchObject({
      type: 'announcement.post',
      title: '投票提醒：加装门禁',
      scope: { kind: 'stairwell', id: 's1' },
      expiresOn: '2026-12-20',
    });
    expect(draft.value.body).toContain('2026-12-20 18:00 截止');
    expect(draft.value.body).toContain('1 / 4');
    expect(draft.value.body).not.toMatch(/o101|赞成|yes/);
    const en = draftMotionReminder(motion, visibleTally(entry, clock.now()), { locale: 'en' });
    expect(en.ok && en.value.body).toContain('So far 1 of 4 voters have voted.');
    // The draft is a command the organizer can post as it is.
    await must(governance, draft.value);
    expect(governance.announcements()[0]?.title).toBe('投票提醒：加装门禁');
  });

  it('drafts nothing for a motion that is not open', async () => {
    const { governance, clock } = await stairwellMotion({}, false);
    const [motion] = governance.motions.value;
    const entry = governance.read((s) => s.voting.motions.get('m'));
    if (!motion || !entry) throw new Error('no motion');
    const draft = draftMotionReminder(motion, visibleTally(entry, clock.now()));
    expect(draft.ok ? 'drafted' : draft.error.code).toBe('announcement.nothing_to_remind');
  });

  it('drafts an arrears reminder with totals and ageing, naming no room', async () => {
    const { governance } = await building96();
    await must(
      governance,
      {
        type: 'scheme.define',
        id: 'eq',
        name: '平均',
        scope: { kind: 'stairwell', id: 's1' },
        basis: { kind: 'equal' },
      },
      { type: 'fund.open', id: 'f', name: '电梯维修', budget: 120_000 },
      {
        type: 'fund.pledge',
        fundId: 'f',
        schemeId: 'eq',
        cost: 120_000,
        due: '2026-10-01',
        date: '2026-09-01',
      },
      { type: 'fund.pay', fundId: 'f', unitId: 'u101', amount: 10_000 },
    );
    const summary = governance.read((s) =>
      summarizeLedger(s.funds.entries.get('f') ?? [], '2026-11-29' as LocalDate),
    );
    const draft = governance.read((s) => draftArrearsReminder(s.community, { name: '电梯维修' }, summary));
    if (!draft.ok) throw new Error(draft.error.code);
    expect(draft.value.scope).toEqual({ kind: 'building', id: 'b96' });
    expect(draft.value.body).toContain('11 户尚未缴清，合计 ¥1,100.00');
    expect(draft.value.body).toContain('逾期 ¥1,100.00');
    for (const room of ['101', '102', '201', '302', '501', '602'])
      expect(draft.value.body).not.toContain(room);
    await must(governance, { type: 'fund.pay', fundId: 'f', unitId: 'u102', amount: 10_000 });
  });

  it('drafts nothing when nobody owes', async () => {
    const { governance } = await building96();
    await must(governance, { type: 'fund.open', id: 'f', name: '空', budget: 0 });
    const summary = governance.read((s) =>
      summarizeLedger(s.funds.entries.get('f') ?? [], '2026-11-29' as LocalDate),
    );
    const draft = governance.read((s) => draftArrearsReminder(s.community, { name: '空' }, summary));
    expect(draft.ok ? 'drafted' : draft.error.code).toBe('announcement.nothing_to_remind');
  });
});
