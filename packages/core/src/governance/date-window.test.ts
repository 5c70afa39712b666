import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailyDuty, must, workedExample } from '../../test/fixtures.js';
import type { LocalDate } from '../time/local-date.js';
import { checkDateWindow } from './date-window.js';

/** A yes/no motion of stairwell 1's owners that closes at `closesAt`. */
const motionClosingAt = (closesAt: string) => ({
  type: 'motion.draft',
  title: 'T',
  kind: 'proposal',
  scope: { kind: 'stairwell', id: 's1' },
  basis: 'owners',
  rule: 'civilCode278.major',
  closesAt,
});

// The clock of the fixtures reads 2026-11-29, so the last date a command may name is 2036-11-29.
describe('every date a command accepts lies between 1990-01-01 and 10 years after today', () => {
  it('refuses a daily duty starting 1900-01-01, with a typed error, and appends nothing', async () => {
    const { governance } = await workedExample();
    const before = governance.head.value.seq;
    const result = await governance.execute(dailyDuty('1900-01-01'));
    expect(result.ok || result.error).toMatchObject({
      code: 'date.too_early',
      path: ['start'],
      params: { value: '1900-01-01', earliest: '1990-01-01' },
    });
    if (!result.ok) {
      expect(result.error.message['zh-CN']).toContain('1990-01-01');
      expect(result.error.message.en).toContain('1990-01-01');
    }
    expect(governance.head.value.seq).toBe(before);
  });

  it.each([
    [{ type: 'resident.moveIn', unitId: 'u101', date: '2036-11-30' }, ['date']],
    [{ ...dailyDuty('2026-12-01'), id: 'e', exdates: ['2026-12-02', '2037-01-01'] }, ['exdates', 1]],
    [motionClosingAt('2099-12-20T10:00:00Z'), ['closesAt']],
  ])('refuses a date more than 10 years ahead: %j', async (command, path) => {
    const { governance } = await workedExample();
    const before = governance.head.value.seq;
    const result = await governance.execute(command);
    expect(result.ok || result.error).toMatchObject({
      code: 'date.too_late',
      path,
      params: { latest: '2036-11-29' },
    });
    expect(governance.head.value.seq).toBe(before);
  });

  it('refuses an instant before 1990', async () => {
    const { governance } = await workedExample();
    const motion = await governance.execute(motionClosingAt('1989-12-31T10:00:00Z'));
    expect(motion.ok || motion.error).toMatchObject({ code: 'date.too_early', path: ['closesAt'] });
  });

  it('accepts the window’s edges', async () => {
    const { governance } = await workedExample();
    await must(
      governance,
      { type: 'resident.moveIn', unitId: 'u101', date: '1990-01-01', id: 'r1' },
      { ...dailyDuty('2036-11-29'), id: 'late' },
    );
  });

  it('as a property: a resident moving in on any date is accepted exactly inside the window', async () => {
    const { governance } = await workedExample();
    await fc.assert(
      fc.asyncProperty(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        async (d) => {
          const date = d.toISOString().slice(0, 10);
          const before = governance.head.value.seq;
          const result = await governance.execute({ type: 'resident.moveIn', unitId: 'u101', date });
          const inside = date >= '1990-01-01' && date <= '2036-11-29';
          expect(result.ok).toBe(inside);
          if (!inside) expect(governance.head.value.seq).toBe(before);
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each([
    [{ type: 'fund.pledge', due: '2099-01-01' }, ['due']],
    [{ type: 'duty.define', start: '2026-01-01', rdates: ['2026-01-01', '2099-01-01'] }, ['rdates', 1]],
    [{ type: 'duty.absence', from: '2026-01-01', to: '2099-01-01' }, ['to']],
    [
      { type: 'duty.proposeSwap', first: { date: '2099-01-01' }, second: { date: '2026-01-01' } },
      ['first', 'date'],
    ],
    [{ type: 'role.appoint', from: '2099-01-01' }, ['from']],
    [
      { type: 'motion.draft', opensAt: '2099-01-01T00:00:00Z', closesAt: '2026-12-01T00:00:00Z' },
      ['opensAt'],
    ],
    [{ type: 'charge.define', start: '2099-01' }, ['start']],
  ])('finds every date field of every command, nested and listed ones too: %j', (command, path) => {
    expect(checkDateWindow(command as never, '2026-11-29' as LocalDate)?.path).toEqual(path);
  });
});
