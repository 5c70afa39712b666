import { describe, expect, it } from 'vitest';
import { must, stairwellMotion } from '../../test/fixtures.js';

const grant = (extra: Record<string, unknown> = {}) => ({
  type: 'proxy.grant',
  motionId: 'm',
  voterId: 'o101',
  holder: '张阿姨的女儿',
  paperRef: 'W-1',
  id: 'p1',
  ...extra,
});

const openMotion = () => stairwellMotion();

const proxy = (setup: Awaited<ReturnType<typeof openMotion>>) =>
  setup.governance.read((s) => s.voting.motions.get('m')?.proxies.get('p1'));

describe('a proxy’s scanned paper', () => {
  it('is recorded with the proxy when given (where the scan of the signed 委托书 is kept)', async () => {
    const setup = await openMotion();
    await must(setup.governance, grant({ scanRef: 'scans/2026-12/W-1.pdf' }));
    expect(proxy(setup)).toMatchObject({ paperRef: 'W-1', scanRef: 'scans/2026-12/W-1.pdf' });
  });

  it('is optional: a proxy without a scan has no scanRef', async () => {
    const setup = await openMotion();
    await must(setup.governance, grant());
    expect(proxy(setup)).not.toHaveProperty('scanRef');
  });

  it('refuses a scan reference that is not one line, changing nothing', async () => {
    const setup = await openMotion();
    const before = (await setup.store.read()).length;
    const result = await setup.governance.execute(grant({ scanRef: 'a\nb' }));
    expect(result.ok).toBe(false);
    expect(result.ok || result.error.path).toEqual(['scanRef']);
    expect((await setup.store.read()).length).toBe(before);
  });
});
