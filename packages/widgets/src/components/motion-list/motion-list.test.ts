import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  elevatorMotion,
  mount,
  must,
  onDarkPage,
  settle,
  stairwell,
  violations,
} from '../../../test/fixtures.js';
import '../../define/linli-motion-list.js';
import type { LinliMotionList } from './motion-list.js';

afterEach(() => document.body.replaceChildren());

describe('<linli-motion-list>', () => {
  it('lists motions with status, deadline and outcome, and announces the chosen one', async () => {
    const { gov } = await stairwell();
    await elevatorMotion(gov);
    await must(gov, {
      type: 'motion.draft',
      id: 'conv',
      title: '电梯使用公约',
      kind: 'proposal',
      scope: { kind: 'building', id: 'b96' },
      basis: 'households',
      rule: 'simpleMajority',
      closesAt: '2026-12-31T10:00:00Z',
    });
    const el = await mount<LinliMotionList>(
      '<linli-motion-list lang="zh-CN"></linli-motion-list>',
      'linli-motion-list',
      (e) => {
        e.governance = gov;
      },
    );
    const items = [...(el.shadowRoot?.querySelectorAll('[part=item]') ?? [])].map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(items[0]).toContain('加装电梯');
    expect(items[0]).toContain('表决中');
    expect(items[1]).toContain('未开始');
    const chosen: string[] = [];
    el.addEventListener('linli-motion-select', (e) => chosen.push(e.detail.motionId));
    await userEvent.click(el.shadowRoot?.querySelector('[part=open]') as HTMLElement);
    expect(chosen).toEqual(['lift']);
    expect(await violations(el)).toEqual([]);
  });

  it('shows a cancelled motion as cancelled, not as open', async () => {
    const { gov } = await stairwell();
    await elevatorMotion(gov);
    await must(gov, { type: 'motion.cancel', motionId: 'lift', reason: '方案需重新设计' });
    const el = await mount<LinliMotionList>(
      '<linli-motion-list lang="zh-CN"></linli-motion-list>',
      'linli-motion-list',
      (e) => {
        e.governance = gov;
      },
    );
    const item = el.shadowRoot?.querySelector('[part=item]')?.textContent ?? '';
    expect(item).toContain('已取消');
    expect(item).not.toContain('表决中');
  });

  it('links with href-template, filters by building, and updates when a result is recorded', async () => {
    const { gov } = await stairwell();
    await elevatorMotion(gov);
    const el = await mount<LinliMotionList>(
      '<linli-motion-list lang="en" building="b96" href-template="vote.html?motion={id}"></linli-motion-list>',
      'linli-motion-list',
      (e) => {
        e.governance = gov;
      },
    );
    expect(el.shadowRoot?.querySelector('a[part=open]')?.getAttribute('href')).toBe('vote.html?motion=lift');
    for (const voter of ['o101', 'o102', 'o201', 'o202', 'o301', 'o302'])
      await must(gov, { type: 'ballot.cast', motionId: 'lift', voterId: voter, vote: 'yes' });
    await must(gov, { type: 'motion.close', motionId: 'lift' });
    await settle(el);
    expect(el.shadowRoot?.textContent).toContain('Passed');
    el.building = 'elsewhere';
    await el.updateComplete;
    expect(el.shadowRoot?.textContent).toContain('No motions yet');
    expect(await violations(el)).toEqual([]);
  });

  it('passes axe (contrast included) in dark mode on a dark page', async () => {
    await onDarkPage(async () => {
      const { gov } = await stairwell();
      await elevatorMotion(gov);
      const el = await mount<LinliMotionList>(
        '<linli-motion-list lang="zh-CN"></linli-motion-list>',
        'linli-motion-list',
        (e) => {
          e.governance = gov;
        },
      );
      expect(await violations(el)).toEqual([]);
      for (const voter of ['o101', 'o102', 'o201', 'o202', 'o301', 'o302'])
        await must(gov, { type: 'ballot.cast', motionId: 'lift', voterId: voter, vote: 'yes' });
      await must(gov, { type: 'motion.close', motionId: 'lift' });
      await settle(el);
      expect(await violations(el)).toEqual([]);
    });
  });

  it('names the winner of a closed election instead of "passed"', async () => {
    const { gov } = await stairwell();
    await must(
      gov,
      {
        type: 'motion.draft',
        id: 'head',
        title: '选举楼组长',
        kind: 'single',
        options: [
          { id: 'a', label: '张阿姨' },
          { id: 'b', label: '李师傅' },
        ],
        scope: { kind: 'stairwell', id: 's1' },
        basis: 'households',
        rule: 'simpleMajority',
        closesAt: '2026-12-20T10:00:00Z',
      },
      { type: 'motion.open', motionId: 'head' },
      { type: 'ballot.cast', motionId: 'head', voterId: 'u101', option: 'a' },
      { type: 'ballot.cast', motionId: 'head', voterId: 'u102', option: 'a' },
      { type: 'motion.close', motionId: 'head' },
    );
    const el = await mount<LinliMotionList>(
      '<linli-motion-list lang="zh-CN"></linli-motion-list>',
      'linli-motion-list',
      (e) => {
        e.governance = gov;
      },
    );
    const badge = el.shadowRoot?.querySelector('[part~=outcome]')?.textContent;
    expect(badge).toBe('选出：张阿姨');
    expect(await violations(el)).toEqual([]);
  });
});
