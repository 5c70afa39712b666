import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, must, onDarkPage, settle, stairwell, violations } from '../../../test/fixtures.js';
import '../../define/linli-announcements.js';
import type { LinliAnnouncements } from './announcements.js';

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

const SHA = 'cd'.repeat(32);

/** Stairwell s1 of Building 96, a second building b97, and notices for the community, b96 and b97. */
async function notices(lang = 'zh-CN', attrs = '') {
  const setup = await stairwell(4);
  await must(
    setup.gov,
    { type: 'building.add', name: '97号楼', id: 'b97' },
    {
      type: 'announcement.post',
      id: 'lift',
      title: '电梯检修',
      body: '12月3日停运。\n请走楼梯。<script>alert(1)</script>',
      scope: { kind: 'building', id: 'b96' },
      expiresOn: '2026-12-03',
      attachments: [{ sha256: SHA, type: 'application/pdf', size: 20480, name: '检修单.pdf' }],
    },
    {
      type: 'announcement.post',
      id: 'all',
      title: '全小区停水',
      body: '周三停水',
      scope: { kind: 'community' },
    },
    {
      type: 'announcement.post',
      id: 'other',
      title: '97号楼通知',
      body: '别的楼',
      scope: { kind: 'building', id: 'b97' },
    },
  );
  const el = await mount<LinliAnnouncements>(
    `<linli-announcements lang="${lang}" ${attrs}></linli-announcements>`,
    'linli-announcements',
    (e) => {
      e.governance = setup.gov;
    },
  );
  return { ...setup, el };
}

const titles = (el: LinliAnnouncements) =>
  [...(el.shadowRoot?.querySelectorAll('summary strong') ?? [])].map((s) => s.textContent);

describe('<linli-announcements>', () => {
  it('shows a building’s notices and the community’s, not another building’s, body as plain text', async () => {
    const { el } = await notices('zh-CN', 'building="b96"');
    expect(titles(el)).toEqual(['全小区停水', '电梯检修']);
    const lift = el.shadowRoot?.querySelector('[data-id=lift]');
    expect(lift?.querySelector('[part=body]')?.textContent).toBe(
      '12月3日停运。\n请走楼梯。<script>alert(1)</script>',
    );
    expect(lift?.querySelector('script')).toBeNull();
    expect(lift?.textContent).toContain('有效期至 2026年12月3日');
    expect(lift?.querySelector('[part=attachment]')?.textContent).toContain('检修单.pdf (20 KB)');
    expect(await violations(el)).toEqual([]);
  });

  it('takes the building from the household’s unit, and speaks English', async () => {
    const { el } = await notices('en', 'unit="u101"');
    expect(titles(el)).toEqual(['全小区停水', '电梯检修']);
    expect(el.shadowRoot?.querySelector('h2')?.textContent).toBe('Notices');
    expect(el.shadowRoot?.textContent).toContain('Shown until Dec 3, 2026');
  });

  it('hides a notice after its last day', async () => {
    const { el, clock } = await notices('zh-CN', 'building="b96"');
    clock.set('2026-12-04T02:00:00Z');
    el.requestUpdate();
    await settle(el);
    expect(titles(el)).toEqual(['全小区停水']);
  });

  it('says so when there is no notice', async () => {
    const setup = await stairwell(2);
    const el = await mount<LinliAnnouncements>(
      '<linli-announcements lang="en"></linli-announcements>',
      'linli-announcements',
      (e) => {
        e.governance = setup.gov;
      },
    );
    expect(el.shadowRoot?.querySelector('[role=status]')?.textContent).toBe('No notices at the moment');
  });

  it('marks a notice read for the household when it opens it, once', async () => {
    const { el, gov } = await notices('zh-CN', 'unit="u101"');
    const details = el.shadowRoot?.querySelector('[data-id=lift]') as HTMLDetailsElement;
    const execute = vi.spyOn(gov, 'execute');
    for (let i = 0; i < 2; i++) {
      details.open = !details.open;
      details.dispatchEvent(new Event('toggle'));
      await settle(el);
    }
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    await settle(el);
    expect(execute).toHaveBeenCalledTimes(1);
    expect(execute.mock.calls[0]?.[0]).toEqual({
      type: 'announcement.markRead',
      announcementId: 'lift',
      unitId: 'u101',
    });
    await settle(el);
    expect(gov.read((s) => s.announcements.reads.get('lift')?.has('u101'))).toBe(true);
  });

  it('passes axe (contrast included) in dark mode on a dark page, a notice open', async () => {
    await onDarkPage(async () => {
      const { el } = await notices();
      const first = el.shadowRoot?.querySelector('details');
      if (first) first.open = true;
      await settle(el);
      expect(await violations(el)).toEqual([]);
    });
  });
});
