import { describe, expect, it } from 'vitest';
import { DataFolder } from '../cli/data-folder.js';
import { DEFAULT_POOL_SIZE, poolSizeFromEnv } from './postgres-database.js';

describe('LINLI_PG_POOL', () => {
  it('is a whole number of connections from 1 to 1000, 10 when unset', () => {
    expect(poolSizeFromEnv(undefined)).toBe(DEFAULT_POOL_SIZE);
    expect(poolSizeFromEnv('')).toBe(DEFAULT_POOL_SIZE);
    expect(poolSizeFromEnv('1')).toBe(1);
    expect(poolSizeFromEnv('1000')).toBe(1000);
    for (const wrong of ['0', '1001', '-1', '2.5', 'ten', ' 5', '1e2'])
      expect(poolSizeFromEnv(wrong), wrong).toBeUndefined();
  });

  it('refuses a wrong value at start with a usage error, before anything is opened', () => {
    expect(() => new DataFolder({ LINLI_DATA: '/tmp', LINLI_PG_POOL: 'lots' })).toThrow(
      'LINLI_PG_POOL must be a number of connections (1-1000), not "lots"',
    );
  });
});
