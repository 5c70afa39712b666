import { createGovernance } from '@linli/core';
import { afterEach, describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import {
  elevatorMotion,
  mount,
  must,
  onDarkPage,
  settle,
  stairwell,
  violations,
} from '../../../test/fixtures.js';
import type { LinliBallotCastDetail } from '../../events.js';
import '../../define/linli-vote.js';
import type { LinliVote } from './vote.js';

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = '';
});

const shadow = (el: LinliVote) => el.shadowRoot as ShadowRoot;
const text = (el: LinliVote) => shadow(el).textContent?.replace(/\s+/g, ' ') ?? '';

async function voteElement(voter = 'o101', lang = 'zh-CN', extra: Record<string, unknown> = {}) {
  const setup = await stairwell();
  await elevatorMotion(setup.gov, extra);
  const el = await mount<LinliVote>(
    `<linli-vote motion="lift" voter="${voter}" lang="${lang}"></linli-vote>`,
    'linli-vote',
    (e) => {
      e.governance = setup.gov;
      e.now = new Date('2026-11-29T02:00:00Z');
    },
  );
  return { ...setup, el };
}

/** An open ranked election of three over stairwell 1's households, shown to household 101. */
async function rankedVote(lang: string) {
  const { gov } = await stairwell();
  await must(
    gov,
    {
      type: 'motion.draft',
      id: 'head',
      title: '选举楼组长',
      kind: 'ranked',
      method: 'irv',
      options: [
        { id: 'a', label: '张阿姨' },
        { id: 'b', label: '李师傅' },
        { id: 'c', label: '陈老师' },
      ],
      scope: { kind: 'stairwell', id: 's1' },
      basis: 'households',
      rule: 'simpleMajority',
      closesAt: '2026-12-20T10:00:00Z',
    },
    { type: 'motion.open', motionId: 'head' },
  );
  const el = await mount<LinliVote>(
    `<linli-vote motion="head" voter="u101" lang="${lang}"></linli-vote>`,
    'linli-vote',
    (e) => {
      e.governance = gov;
    },
  );
  return { gov, el };
}

const rows = (el: LinliVote) => [...shadow(el).querySelectorAll<HTMLLIElement>('li[part=rank]')];
/** The ranking on screen, by option label. */
const order = (el: LinliVote) =>
  rows(el).map((r) =>
    r
      .querySelector('[part=rank-label]')
      ?.textContent?.replace(/^\s*\d+\s*/, '')
      .trim(),
  );
const said = (el: LinliVote) => shadow(el).querySelector('[part=rank-said]')?.textContent?.trim() ?? '';
/** The middle of row `i`'s grip. */
const grip = (el: LinliVote, i: number) => {
  const box = rows(el)[i]?.querySelector('[part=grip]')?.getBoundingClientRect();
  if (!box) throw new Error(`no grip ${i}`);
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
};
/** A point just below (or above) row `i`, on the grip's column. */
const below = (el: LinliVote, i: number) => {
  const box = rows(el)[i]?.getBoundingClientRect();
  if (!box) throw new Error(`no row ${i}`);
  return { x: grip(el, i).x, y: box.bottom - 4 };
};
const above = (el: LinliVote, i: number) => {
  const box = rows(el)[i]?.getBoundingClientRect();
  if (!box) throw new Error(`no row ${i}`);
  return { x: grip(el, i).x, y: box.top + 4 };
};

/** An open choice motion `id` over stairwell 1's households, with no threshold, shown to household 101. */
async function choiceVote(id: string, title: string, lang: string, extra: Record<string, unknown>) {
  const { gov } = await stairwell();
  await must(
    gov,
    {
      type: 'motion.draft',
      id,
      title,
      options: [
        { id: 'a', label: '张阿姨' },
        { id: 'b', label: '李师傅' },
        { id: 'c', label: '陈老师' },
      ],
      scope: { kind: 'stairwell', id: 's1' },
      basis: 'households',
      rule: {
        id: 'none',
        name: { 'zh-CN': '无门槛', en: 'None' },
        jurisdiction: 'community',
        version: '1',
        source: 'test',
        checks: [],
      },
      closesAt: '2026-12-20T10:00:00Z',
      ...extra,
    },
    { type: 'motion.open', motionId: id },
  );
  const el = await mount<LinliVote>(
    `<linli-vote motion="${id}" voter="u101" lang="${lang}"></linli-vote>`,
    'linli-vote',
    (e) => {
      e.governance = gov;
    },
  );
  return { gov, el };
}

describe('<linli-vote>', () => {
  it('casts and then changes a ballot with the mouse, and says so', async () => {
    const { el, gov } = await voteElement();
    const events: CustomEvent<LinliBallotCastDetail>[] = [];
    el.addEventListener('linli-ballot-cast', (e) => events.push(e));
    const radios = shadow(el).querySelectorAll<HTMLInputElement>('input[type=radio]');
    await userEvent.click(radios[0] as HTMLInputElement); // 同意
    await userEvent.click(shadow(el).querySelector('[part=submit]') as HTMLButtonElement);
    await settle(el);
    expect(gov.ballots('lift')).toMatchObject([{ voterId: 'o101', choice: { vote: 'yes' } }]);
    // The top says it plainly, the choice stays ticked, and a status message confirms it.
    expect(shadow(el).querySelector('[part=my-choice]')?.textContent).toBe('您已投：同意 ✓');
    expect(shadow(el).querySelector('[part=my-change]')?.textContent).toMatch(/^可在12月20日 ?18:00前修改$/);
    expect(shadow(el).querySelector<HTMLInputElement>('input[value=yes]')?.checked).toBe(true);
    const confirmation = shadow(el).querySelector('[part=confirmation]');
    expect(confirmation?.getAttribute('role')).toBe('status');
    expect(confirmation?.textContent?.trim()).toBe('已记录您的投票：同意');
    expect(events[0]?.detail).toEqual({ motionId: 'lift', voterId: 'o101' });
    expect(events[0]?.composed).toBe(true);
    await userEvent.click(
      shadow(el).querySelectorAll<HTMLInputElement>('input[type=radio]')[1] as HTMLInputElement,
    );
    await userEvent.click(shadow(el).querySelector('[part=submit]') as HTMLButtonElement);
    await settle(el);
    expect(gov.ballots('lift')[0]).toMatchObject({ choice: { vote: 'no' }, revision: 2 });
    expect(text(el)).toContain('修改投票');
    expect(shadow(el).querySelector('[part=my-choice]')?.textContent).toBe('您已投：反对 ✓');
    expect(shadow(el).querySelector<HTMLInputElement>('input[value=no]')?.checked).toBe(true);
    expect(shadow(el).querySelector<HTMLInputElement>('input[value=yes]')?.checked).toBe(false);
    // Picking another answer withdraws the confirmation until it is sent.
    await userEvent.click(shadow(el).querySelector('input[value=abstain]') as HTMLInputElement);
    expect(shadow(el).querySelector('[part=confirmation]')?.textContent?.trim()).toBe('');
  });

  it('ticks the household’s live ballot when it opens the card again, from any device', async () => {
    const { gov } = await stairwell();
    await elevatorMotion(gov);
    await must(gov, { type: 'ballot.cast', motionId: 'lift', voterId: 'o101', vote: 'abstain' });
    const el = await mount<LinliVote>(
      '<linli-vote motion="lift" voter="o101" lang="en"></linli-vote>',
      'linli-vote',
      (e) => {
        e.governance = gov;
      },
    );
    expect(shadow(el).querySelector<HTMLInputElement>('input[value=abstain]')?.checked).toBe(true);
    expect(shadow(el).querySelector('[part=my-choice]')?.textContent).toBe('You voted: Abstain ✓');
    // Another member changes it elsewhere: the form follows.
    await must(gov, { type: 'ballot.cast', motionId: 'lift', voterId: 'o101', vote: 'yes' });
    await settle(el);
    expect(shadow(el).querySelector<HTMLInputElement>('input[value=yes]')?.checked).toBe(true);
  });

  it('speaks plainly first: what is still needed on top, the legal detail one tap away', async () => {
    const { el, gov } = await voteElement('o101', 'zh-CN', { mustConsent: ['u102'] });
    for (const voter of ['o101', 'o201', 'o202', 'o301', 'o302'])
      await must(gov, { type: 'ballot.cast', motionId: 'lift', voterId: voter, vote: 'yes' });
    await settle(el);
    const plain = shadow(el).querySelector('[part=plain]')?.textContent ?? '';
    expect(plain).toContain('还需 102室 同意');
    expect(plain).not.toMatch(/≥|\d\.\d\d|\//);
    const details = shadow(el).querySelector('details[part=detail]') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector('[part=check]')?.textContent).toMatch(/2\/3 以上（≥）/);
    await userEvent.click(details.querySelector('summary') as HTMLElement);
    expect(details.open).toBe(true);
    expect(await violations(el)).toEqual([]);
  });

  it('says a changed ballot is not allowed where it is not', async () => {
    const { el, gov } = await voteElement('o101', 'en', { allowChange: false });
    await must(gov, { type: 'ballot.cast', motionId: 'lift', voterId: 'o101', vote: 'no' });
    await settle(el);
    expect(shadow(el).querySelector('[part=my-change]')?.textContent).toBe(
      'Ballots on this motion cannot be changed',
    );
    expect(shadow(el).querySelector('[part=form]')).toBeNull();
  });

  it('offers no ballot on a cancelled motion and says it is cancelled', async () => {
    const { el, gov } = await voteElement();
    await must(gov, { type: 'motion.cancel', motionId: 'lift' });
    await settle(el);
    expect(text(el)).toContain('已取消');
    expect(text(el)).not.toContain('表决中');
    expect(shadow(el).querySelector('[part=submit]')).toBeNull();
  });

  it('works by keyboard alone', async () => {
    const { el, gov } = await voteElement('o102', 'en');
    (shadow(el).querySelector('input[type=radio]') as HTMLInputElement).focus();
    await userEvent.keyboard('{ArrowDown}'); // No
    await userEvent.keyboard('{Enter}'); // submits the form
    await settle(el);
    expect(gov.ballots('lift')[0]).toMatchObject({ voterId: 'o102', choice: { vote: 'no' } });
  });

  it('ranks by keyboard: focus stays with the option that moved, and each move is said', async () => {
    const { gov, el } = await rankedVote('en');
    const down = shadow(el).querySelector('button[aria-label="Move 张阿姨 down"]') as HTMLButtonElement;
    down.focus();
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    await el.updateComplete;
    expect(order(el)).toEqual(['李师傅', '张阿姨', '陈老师']);
    // The same option's button has focus at its new place: Enter again moves it on.
    expect(shadow(el).activeElement?.getAttribute('aria-label')).toBe('Move 张阿姨 down');
    expect(said(el)).toBe('张阿姨 moved to place 2 of 3');
    expect(shadow(el).querySelector('[part=rank-said]')?.getAttribute('aria-live')).toBe('polite');
    (shadow(el).querySelector('[part=submit]') as HTMLButtonElement).focus();
    await userEvent.keyboard('{Enter}');
    await settle(el);
    expect(gov.ballots('head')[0]?.choice).toEqual({ kind: 'ranked', ranking: [1, 0, 2] });
  });

  it('ranks by dragging a row with the mouse, a bar marking where it lands', async () => {
    const { gov, el } = await rankedVote('zh-CN');
    // Pick 张阿姨 up by its grip and hold it below 陈老师: the bar shows under 陈老师, nothing moved yet.
    await commands.pointerDrag({ pointer: 'mouse', from: grip(el, 0), to: below(el, 2), release: false });
    await el.updateComplete;
    expect(rows(el)[0]?.hasAttribute('data-dragging')).toBe(true);
    expect(rows(el)[2]?.dataset.drop).toBe('after');
    expect(order(el)).toEqual(['张阿姨', '李师傅', '陈老师']);
    await commands.pointerUp();
    await el.updateComplete;
    expect(order(el)).toEqual(['李师傅', '陈老师', '张阿姨']);
    expect(rows(el).some((r) => r.hasAttribute('data-dragging') || r.dataset.drop)).toBe(false);
    expect(said(el)).toBe('张阿姨 移到第 3 位，共 3 位');
    (shadow(el).querySelector('[part=submit]') as HTMLButtonElement).click();
    await settle(el);
    expect(gov.ballots('head')[0]?.choice).toEqual({ kind: 'ranked', ranking: [1, 2, 0] });
  });

  it('ranks by dragging with a finger, as on a phone (touch pointer events)', async () => {
    const { el } = await rankedVote('zh-CN');
    const pointers: string[] = [];
    shadow(el).addEventListener('pointerdown', (e) => pointers.push((e as PointerEvent).pointerType), true);
    await commands.pointerDrag({ pointer: 'touch', from: grip(el, 2), to: above(el, 0) });
    await el.updateComplete;
    expect(pointers).toEqual(['touch']);
    expect(order(el)).toEqual(['陈老师', '张阿姨', '李师傅']);
  });

  it('puts a dragged row back on Escape', async () => {
    const { el } = await rankedVote('en');
    await commands.pointerDrag({ pointer: 'mouse', from: grip(el, 0), to: below(el, 1), release: false });
    await el.updateComplete;
    expect(rows(el)[1]?.dataset.drop).toBe('after');
    await userEvent.keyboard('{Escape}');
    await commands.pointerUp();
    await el.updateComplete;
    expect(order(el)).toEqual(['张阿姨', '李师傅', '陈老师']);
    expect(rows(el)[0]?.style.transform).toBe('');
    expect(said(el)).toBe('');
  });

  it('keeps the ranked list readable on a dark page, mid-drag too (axe)', async () => {
    await onDarkPage(async () => {
      const { el } = await rankedVote('zh-CN');
      await commands.pointerDrag({ pointer: 'mouse', from: grip(el, 0), to: below(el, 1), release: false });
      await el.updateComplete;
      expect(await violations(el)).toEqual([]);
      await commands.pointerUp();
    });
  });

  it('says when a motion closed early did close, not when it was due to', async () => {
    const { el, gov } = await voteElement('o101', 'en');
    await must(gov, { type: 'motion.close', motionId: 'lift' });
    await settle(el);
    const m = gov.motions.value.find((x) => x.id === 'lift');
    const format = (iso: string) =>
      new Intl.DateTimeFormat('en', {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'Asia/Shanghai',
      }).format(Date.parse(iso));
    expect(m?.closedAt).toBeDefined();
    expect(format(m?.closedAt ?? '')).not.toBe(format(m?.closesAt ?? ''));
    expect(text(el)).toContain(`Closed ${format(m?.closedAt ?? '')}`);
  });

  it('shows a core error inline, in the reader’s language, and records nothing', async () => {
    const { el, gov } = await voteElement('o101', 'en');
    await userEvent.click(shadow(el).querySelector('[part=submit]') as HTMLButtonElement);
    await settle(el);
    expect(shadow(el).querySelector('[part=error]')?.textContent).toBe(
      `This motion's ballot takes the "vote" field, and only that`,
    );
    expect(gov.ballots('lift')).toEqual([]);
  });

  it('moves the live tally when another household votes elsewhere', async () => {
    const { el, store } = await voteElement('o101', 'en');
    const other = await createGovernance({ store, verifyOnLoad: false });
    await other.execute({ type: 'ballot.cast', motionId: 'lift', voterId: 'o201', vote: 'yes' });
    await settle(el);
    expect(text(el)).toContain('1 of 6 have voted');
    expect(shadow(el).querySelector('[part=summary]')?.getAttribute('aria-live')).toBe('polite');
  });

  it('renders batches, not one render per ballot, when 10,000 ballots arrive in a burst', async () => {
    const setup = await stairwell(2);
    await elevatorMotion(setup.gov, { allowChange: true });
    const el = await mount<LinliVote>(
      '<linli-vote motion="lift" voter="o101"></linli-vote>',
      'linli-vote',
      (e) => {
        e.governance = setup.gov;
      },
    );
    // Count real render passes by wrapping the element's render method.
    const instance = el as unknown as { render: () => unknown };
    const render = instance.render.bind(el);
    let renders = 0;
    instance.render = () => {
      renders++;
      return render();
    };
    const before = el.liveUpdates;
    const writer = await createGovernance({ store: setup.store, verifyOnLoad: false });
    const burst = [];
    for (let i = 0; i < 10_000; i++) {
      burst.push(
        writer.execute({
          type: 'ballot.cast',
          motionId: 'lift',
          voterId: i % 2 ? 'o101' : 'o102',
          vote: i % 3 ? 'yes' : 'no',
        }),
      );
    }
    await Promise.all(burst);
    await settle(el);
    expect(el.liveUpdates - before).toBe(10_000); // every ballot reached the element…
    expect(renders).toBeGreaterThan(0);
    expect(renders).toBeLessThanOrEqual(60); // …but Lit coalesced them into a few renders
  });

  it('renders a hostile title as text', async () => {
    const { el, gov } = await voteElement();
    await must(gov, {
      type: 'motion.draft',
      id: 'x',
      title: '<img src=x onerror=alert(1)>',
      kind: 'proposal',
      scope: { kind: 'stairwell', id: 's1' },
      basis: 'owners',
      rule: 'simpleMajority',
      closesAt: '2026-12-20T10:00:00Z',
    });
    el.motion = 'x';
    await settle(el);
    expect(shadow(el).querySelector('img')).toBeNull();
    expect(shadow(el).querySelector('[part=title]')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('follows the page language live', async () => {
    const { el } = await voteElement('o101', '');
    el.removeAttribute('lang');
    document.documentElement.lang = 'en';
    await settle(el);
    expect(text(el)).toContain('Cast ballot');
    document.documentElement.lang = 'zh-CN';
    await settle(el);
    expect(text(el)).toContain('投票');
  });

  it('gives 44×44 px targets and a 20 px base in large-text mode', async () => {
    const { el } = await voteElement();
    el.largeText = true;
    await el.updateComplete;
    expect(Number.parseFloat(getComputedStyle(el).fontSize)).toBeGreaterThanOrEqual(20);
    const submit = (shadow(el).querySelector('[part=submit]') as HTMLElement).getBoundingClientRect();
    expect(submit.height).toBeGreaterThanOrEqual(44);
    expect(submit.width).toBeGreaterThanOrEqual(44);
    for (const label of shadow(el).querySelectorAll('label.choice'))
      expect(label.getBoundingClientRect().height).toBeGreaterThanOrEqual(44);
  });

  it.each([
    ['open', 'o101', {}],
    ['not eligible', 'o999', {}],
    ['secret', 'o101', { secrecy: 'secret' }],
    ['consent with block', 'o101', { rule: 'consent', allowBlock: true }],
  ])('has no axe violations: %s', async (_state, voter, extra) => {
    const { el } = await voteElement(voter, 'zh-CN', extra);
    expect(await violations(el)).toEqual([]);
  });

  it.each([
    ['approval', { kind: 'approval', minChoices: 1, maxChoices: 2 }],
    ['score', { kind: 'score' }],
    ['ranked', { kind: 'ranked', method: 'schulze' }],
    ['single', { kind: 'single' }],
    ['dot', { kind: 'dot', budget: 4 }],
  ])('has no axe violations for a %s ballot', async (_kind, extra) => {
    const { el } = await choiceVote('c', '选举', 'zh-CN', extra);
    expect(await violations(el)).toEqual([]);
  });

  it('shows the not-yet-open and proxy states without axe violations', async () => {
    const { gov } = await stairwell();
    await must(gov, {
      type: 'motion.draft',
      id: 'd',
      title: '草案',
      kind: 'proposal',
      scope: { kind: 'stairwell', id: 's1' },
      basis: 'owners',
      rule: 'simpleMajority',
      closesAt: '2026-12-20T10:00:00Z',
    });
    const draft = await mount<LinliVote>(
      '<linli-vote motion="d" voter="o101" lang="en"></linli-vote>',
      'linli-vote',
      (e) => {
        e.governance = gov;
      },
    );
    expect(text(draft)).toContain('Voting has not opened yet');
    expect(await violations(draft)).toEqual([]);
    await elevatorMotion(gov);
    await must(gov, {
      type: 'proxy.grant',
      motionId: 'lift',
      voterId: 'o102',
      holder: '李明',
      paperRef: '委托书 7',
      id: 'p7',
    });
    const proxy = await mount<LinliVote>(
      '<linli-vote motion="lift" voter="o102" proxy="p7" holder="李明" lang="en"></linli-vote>',
      'linli-vote',
      (e) => {
        e.governance = gov;
      },
    );
    // The room voted for and the holder's name, never the ids behind them.
    expect(shadow(proxy).querySelector('[part=proxy]')?.textContent).toBe(
      '李明, you are voting for Room 102 as their proxy',
    );
    expect(text(proxy)).not.toMatch(/o102|p7/);
    await userEvent.click(shadow(proxy).querySelector('input[type=radio]') as HTMLInputElement);
    await userEvent.click(shadow(proxy).querySelector('[part=submit]') as HTMLButtonElement);
    await settle(proxy);
    expect(gov.ballots('lift')[0]).toMatchObject({ voterId: 'o102', channel: 'proxy', proxyId: 'p7' });
    expect(await violations(proxy)).toEqual([]);
  });

  it('names the winners of a closed election, never "passed"', async () => {
    const { el, gov } = await choiceVote('c', '选举楼组长', 'zh-CN', { kind: 'single' });
    await must(
      gov,
      { type: 'ballot.cast', motionId: 'c', voterId: 'u101', option: 'b' },
      { type: 'ballot.cast', motionId: 'c', voterId: 'u102', option: 'b' },
      { type: 'ballot.cast', motionId: 'c', voterId: 'u201', option: 'a' },
      { type: 'motion.close', motionId: 'c' },
    );
    await settle(el);
    expect(shadow(el).querySelector('[part~=summary]')?.textContent?.trim()).toBe('选出：李师傅');
    expect(shadow(el).querySelector('[part~=outcome]')).toBeNull();
    expect(text(el)).not.toContain('通过');
    expect(await violations(el)).toEqual([]);
  });

  it('passes axe (contrast included) in dark mode on a dark page, open with a ballot and closed', async () => {
    await onDarkPage(async () => {
      const { el, gov } = await voteElement('o101', 'zh-CN', { mustConsent: ['u102'] });
      expect(matchMedia('(prefers-color-scheme: dark)').matches).toBe(true);
      await must(gov, { type: 'ballot.cast', motionId: 'lift', voterId: 'o101', vote: 'yes' });
      await settle(el);
      (shadow(el).querySelector('details') as HTMLDetailsElement).open = true;
      await settle(el);
      expect(await violations(el)).toEqual([]);
      for (const voter of ['o102', 'o201', 'o202', 'o301', 'o302'])
        await must(gov, { type: 'ballot.cast', motionId: 'lift', voterId: voter, vote: 'yes' });
      await must(gov, { type: 'motion.close', motionId: 'lift' });
      await settle(el);
      expect(await violations(el)).toEqual([]);
    });
  });

  it('has no axe violations once closed and decided', async () => {
    const { el, gov } = await voteElement('o101', 'en');
    for (const voter of ['o101', 'o102', 'o201', 'o202', 'o301', 'o302'])
      await must(gov, { type: 'ballot.cast', motionId: 'lift', voterId: voter, vote: 'yes' });
    await must(gov, { type: 'motion.close', motionId: 'lift' });
    await settle(el);
    expect(text(el)).toContain('Passed');
    expect(shadow(el).querySelector('[part~=summary]')?.textContent?.trim()).toBe('This motion passed');
    expect(shadow(el).querySelector('[part=adopted] blockquote')?.textContent).toBe('同意在1单元加装电梯。');
    expect(await violations(el)).toEqual([]);
  });
});

describe('<linli-vote> on a secret motion', () => {
  it('shows no area figure that could name a voter, only whether each area threshold is met', async () => {
    const { el, gov, clock } = await voteElement('o101', 'zh-CN', { secrecy: 'secret', showVoters: false });
    await must(
      gov,
      { type: 'ballot.cast', motionId: 'lift', voterId: 'o101', vote: 'yes' },
      { type: 'ballot.cast', motionId: 'lift', voterId: 'o102', vote: 'no' },
    );
    await settle(el);
    // 75.00 + 76.00 m² would say exactly which two households took part.
    expect(text(el)).not.toContain('151.00');
    expect(text(el)).toContain('参与表决的面积：未达到门槛');
    clock.set('2026-12-20T10:00:00Z');
    el.now = new Date('2026-12-20T10:00:00Z');
    await must(gov, { type: 'motion.close', motionId: 'lift' });
    await settle(el);
    expect(text(el)).not.toContain('151.00');
    expect(text(el)).not.toContain('75.00');
    expect(shadow(el).querySelector('[part=withheld]')?.textContent).toContain('不公布面积合计');
    expect(text(el)).toContain('同意的面积：');
    expect(shadow(el).querySelectorAll('[part=bar]').length).toBe(
      gov.tally('lift')?.checks.filter((c) => c.check.dimension === 'headcount').length,
    );
    expect(await violations(el)).toEqual([]);
  });
});

describe('<linli-vote> for a co-owner', () => {
  it('lets a co-owner vote under their own id, for the unit’s one voter', async () => {
    const setup = await stairwell();
    await must(
      setup.gov,
      { type: 'owner.register', name: '101室共有人', kind: 'person', id: 'o9' },
      { type: 'unit.transfer', unitId: 'u101', ownerIds: ['o101', 'o9'], date: '2020-01-01' },
    );
    await elevatorMotion(setup.gov);
    const el = await mount<LinliVote>(
      '<linli-vote motion="lift" voter="o9" lang="zh-CN"></linli-vote>',
      'linli-vote',
      (e) => {
        e.governance = setup.gov;
        e.now = new Date('2026-11-29T02:00:00Z');
      },
    );
    expect(text(el)).not.toContain('不在本议题的表决名单中');
    await userEvent.click(
      shadow(el).querySelectorAll<HTMLInputElement>('input[type=radio]')[0] as HTMLInputElement,
    );
    await userEvent.click(shadow(el).querySelector('[part=submit]') as HTMLButtonElement);
    await settle(el);
    expect(setup.gov.ballots('lift')).toMatchObject([
      { voterId: 'o101', member: 'o9', choice: { vote: 'yes' } },
    ]);
    expect(text(el)).toContain('您已投：同意 ✓');
  });
});

describe('<linli-vote> dot voting', () => {
  const dotVote = (lang: string) =>
    choiceVote('fund', '维修资金用在哪里', lang, {
      kind: 'dot',
      budget: 3,
      options: [
        { id: 'lift', label: '电梯' },
        { id: 'bikes', label: '车棚' },
        { id: 'garden', label: '花园' },
      ],
    });
  const press = async (el: LinliVote, label: string) => {
    (shadow(el).querySelector(`button[aria-label="${label}"]`) as HTMLButtonElement).focus();
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
  };
  const left = (el: LinliVote) => shadow(el).querySelector('[part=budget]');

  it('spreads the points by keyboard, announcing the points left, and casts them', async () => {
    const { gov, el } = await dotVote('en');
    expect(left(el)?.getAttribute('aria-live')).toBe('polite');
    expect(left(el)?.textContent?.trim()).toBe('3 of 3 points left');
    await press(el, 'Add a point to 电梯');
    await press(el, 'Add a point to 电梯');
    await press(el, 'Add a point to 花园');
    expect(left(el)?.textContent?.trim()).toBe('0 of 3 points left');
    const add = shadow(el).querySelector('button[aria-label="Add a point to 车棚"]') as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    await press(el, 'Take a point from 电梯');
    expect(left(el)?.textContent?.trim()).toBe('1 of 3 points left');
    expect(text(el)).toContain('电梯: 1 point');
    (shadow(el).querySelector('[part=submit]') as HTMLButtonElement).focus();
    await userEvent.keyboard('{Enter}');
    await settle(el);
    expect(gov.ballots('fund')[0]?.choice).toEqual({ kind: 'dot', points: [1, 0, 1] });
    expect(text(el)).toContain('You voted: 电梯 1, 车棚 0, 花园 1 ✓');
  });

  it('speaks Chinese and gives 44×44 px targets', async () => {
    const { el } = await dotVote('zh-CN');
    expect(left(el)?.textContent?.trim()).toBe('还剩 3 点（共 3 点）');
    const buttons = shadow(el).querySelectorAll<HTMLButtonElement>('[part~=points] button');
    expect(buttons).toHaveLength(6);
    for (const b of buttons) {
      const box = b.getBoundingClientRect();
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(44);
    }
    expect(shadow(el).querySelector('button[aria-label="从 电梯 减 1 点"]')?.hasAttribute('disabled')).toBe(
      true,
    );
  });
});
