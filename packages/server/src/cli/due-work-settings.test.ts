import { describe, expect, it } from 'vitest';
import { CliFailure } from './backup.js';
import { dueWorkSettings } from './due-work.js';

describe('the due-work settings', () => {
  it('default to a round every 30 s and leases of 300 s; take decimals; off runs no scheduler', () => {
    expect(dueWorkSettings({})).toEqual({ intervalMs: 30_000, leaseMs: 300_000 });
    expect(dueWorkSettings({ LINLI_DUE_WORK_SECONDS: '0.5', LINLI_DUE_WORK_LEASE_SECONDS: '60' })).toEqual({
      intervalMs: 500,
      leaseMs: 60_000,
    });
    expect(dueWorkSettings({ LINLI_DUE_WORK_SECONDS: 'off' })).toEqual({
      intervalMs: undefined,
      leaseMs: 300_000,
    });
  });

  it.each(['0', '-1', 'soon', '86401'])('refuse %s in one line', (value) => {
    expect(() => dueWorkSettings({ LINLI_DUE_WORK_SECONDS: value })).toThrow(CliFailure);
    expect(() => dueWorkSettings({ LINLI_DUE_WORK_LEASE_SECONDS: value })).toThrow(
      `LINLI_DUE_WORK_LEASE_SECONDS must be a number of seconds (more than 0, at most 86400), not "${value}"`,
    );
  });
});
