import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';
import { openMotion, type Seed, seeded, seededWith, settled } from './support';

interface VoteArgs {
  motion: string;
  voter: string;
  proxy: string;
  holder: string;
}

const meta: Meta<VoteArgs> = {
  title: 'Elements/linli-vote',
  component: 'linli-vote',
  tags: ['autodocs'],
  args: { motion: 'lift', voter: 'o102', proxy: '', holder: '' },
  loaders: [async () => ({ seed: await seeded() })],
  render: (args, { loaded }) =>
    html`<linli-vote .governance=${(loaded.seed as Seed).gov} motion=${args.motion} voter=${args.voter} proxy=${args.proxy} holder=${args.holder}></linli-vote>`,
};
export default meta;

type Story = StoryObj<VoteArgs>;
const root = (canvas: HTMLElement) => canvas.querySelector('linli-vote')?.shadowRoot as ShadowRoot;

/** The elevator vote, open; 102 has not voted yet and its consent is outstanding. */
export const Open: Story = {};

/** 302 voted against and changes to yes. */
export const ChangedBallot: Story = {
  args: { voter: 'o302' },
  play: async ({ canvasElement }) => {
    const r = root(canvasElement);
    await userEvent.click(r.querySelector('input[value=yes]') as HTMLInputElement);
    await userEvent.click(r.querySelector('[part=submit]') as HTMLButtonElement);
    await settled(canvasElement.querySelector('linli-vote'));
    await expect(r.textContent).toMatch(/同意|Yes/);
  },
};

/** The building head's election, closed: it names who was elected, never "passed". */
export const Passed: Story = {
  args: { motion: 'head-2026', voter: 'u101' },
  play: async ({ canvasElement }) => {
    const summary = root(canvasElement).querySelector('[part~=summary]')?.textContent ?? '';
    await expect(summary).toMatch(/(选出|当选|Chosen|Elected)：?:? ?\S/);
    await expect(root(canvasElement).querySelector('[part~=outcome]')).toBeNull();
  },
};

/**
 * 101 votes yes: the top says "您已投：同意 ✓ 可在…前修改", the choice stays ticked, and a status message
 * confirms it.
 */
export const VotedAndConfirmed: Story = {
  args: { voter: 'o101' },
  play: async ({ canvasElement }) => {
    const r = root(canvasElement);
    await userEvent.click(r.querySelector('input[value=yes]') as HTMLInputElement);
    await userEvent.click(r.querySelector('[part=submit]') as HTMLButtonElement);
    await settled(canvasElement.querySelector('linli-vote'));
    await expect(r.querySelector('[part=my-choice]')?.textContent).toMatch(/✓/);
    await expect((r.querySelector('input[value=yes]') as HTMLInputElement).checked).toBe(true);
    await expect(r.querySelector('[part=confirmation]')?.getAttribute('role')).toBe('status');
    await expect(r.querySelector('[part=confirmation]')?.textContent).toMatch(/已记录|recorded/);
  },
};

/** The legal detail, one tap away: each check with its exact fraction and areas to the hundredth. */
export const LegalDetailOpen: Story = {
  play: async ({ canvasElement }) => {
    const details = root(canvasElement).querySelector('details[part=detail]') as HTMLDetailsElement;
    await userEvent.click(details.querySelector('summary') as HTMLElement);
    await expect(details.open).toBe(true);
    await expect(details.textContent).toMatch(/2\/3/);
  },
};

/** A motion whose ballots cannot be changed, after 101 voted: it says so, and offers no form. */
export const VotedNoChanges: Story = {
  args: { motion: 'bins', voter: 'o101' },
  loaders: [
    seededWith(...openMotion({ id: 'bins', title: '更换垃圾桶', kind: 'proposal', allowChange: false }), {
      type: 'ballot.cast',
      motionId: 'bins',
      voterId: 'o101',
      vote: 'no',
    }),
  ],
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement).querySelector('[part=my-change]')?.textContent).toMatch(
      /不可修改|cannot be changed/,
    );
    await expect(root(canvasElement).querySelector('[part=form]')).toBeNull();
  },
};

/** A motion closed with too little support. */
export const Failed: Story = {
  args: { motion: 'repaint', voter: 'o101' },
  loaders: [
    seededWith(
      ...openMotion({ id: 'repaint', title: '楼道重新粉刷', kind: 'proposal' }),
      { type: 'ballot.cast', motionId: 'repaint', voterId: 'o101', vote: 'no' },
      { type: 'motion.close', motionId: 'repaint' },
    ),
  ],
};

/** Two candidates tied, and the motion reports the tie rather than drawing lots. */
export const Tied: Story = {
  args: { motion: 'tie', voter: 'u101' },
  loaders: [
    seededWith(
      ...openMotion({
        id: 'tie',
        title: '选举和谐宣传员',
        kind: 'single',
        options: [
          { id: 'a', label: '张阿姨' },
          { id: 'b', label: '陈老师' },
        ],
        basis: 'households',
        rule: 'simpleMajority',
      }),
      { type: 'ballot.cast', motionId: 'tie', voterId: 'u101', option: 'a' },
      { type: 'ballot.cast', motionId: 'tie', voterId: 'u201', option: 'b' },
      { type: 'motion.close', motionId: 'tie' },
    ),
  ],
};

/** Still open, but no remaining ballot can change the outcome. */
export const PendingDecidedEarly: Story = {
  args: { motion: 'bike', voter: 'o602' },
  loaders: [
    seededWith(
      ...openMotion({ id: 'bike', title: '增设非机动车充电桩', kind: 'proposal', allowChange: false }),
      ...['o101', 'o102', 'o201', 'o202', 'o301', 'o302', 'o401', 'o402', 'o-wang', 'o601'].map(
        (voterId) => ({
          type: 'ballot.cast',
          motionId: 'bike',
          voterId,
          vote: 'yes',
        }),
      ),
    ),
  ],
};

/** A secret ballot: only turnout until it closes. */
export const Secret: Story = {
  args: { motion: 'secret', voter: 'o101' },
  loaders: [
    seededWith(...openMotion({ id: 'secret', title: '续聘物业公司', kind: 'proposal', secrecy: 'secret' }), {
      type: 'ballot.cast',
      motionId: 'secret',
      voterId: 'o201',
      vote: 'no',
    }),
  ],
};

/** Past its deadline: no more ballots, the count is final. */
export const Closed: Story = {
  loaders: [async () => ({ seed: await seeded('2026-12-21T02:00:00Z') })],
};

/** Someone not on the electoral roll. */
export const NotEligible: Story = { args: { voter: 'o999' } };

/** A neighbour voting on 102's behalf with a written authorization: the room and the holder's name, never ids. */
export const VotingAsProxy: Story = {
  args: { voter: 'o102', proxy: 'p102', holder: '张阿姨的女儿' },
  play: async ({ canvasElement }) => {
    const text = root(canvasElement).querySelector('[part=proxy]')?.textContent ?? '';
    await expect(text).toMatch(/102室|Room 102/);
    await expect(text).toContain('张阿姨的女儿');
    await expect(root(canvasElement).textContent).not.toMatch(/o102|p102/);
  },
  loaders: [
    seededWith({
      type: 'proxy.grant',
      motionId: 'lift',
      voterId: 'o102',
      holder: '张阿姨的女儿',
      paperRef: '委托书 2026-011',
      id: 'p102',
    }),
  ],
};

/** The projects vote (approval, choose 1–3). */
export const Approval: Story = { args: { motion: 'projects', voter: 'u402' } };

/** Ranking by keyboard: move the first candidate down and cast. */
export const RankedByKeyboard: Story = {
  args: { motion: 'ranked', voter: 'u101' },
  loaders: [
    seededWith(
      ...openMotion({
        id: 'ranked',
        title: '业委会候选人排序',
        kind: 'ranked',
        method: 'irv',
        options: [
          { id: 'a', label: '张阿姨' },
          { id: 'b', label: '李师傅' },
          { id: 'c', label: '陈老师' },
        ],
        basis: 'households',
        rule: 'simpleMajority',
      }),
    ),
  ],
  play: async ({ canvasElement, loaded }) => {
    const r = root(canvasElement);
    (r.querySelector('ol[part=ranking] li button:nth-of-type(2)') as HTMLButtonElement).focus();
    await userEvent.keyboard('{Enter}');
    await settled(canvasElement.querySelector('linli-vote'));
    (r.querySelector('[part=submit]') as HTMLButtonElement).focus();
    await userEvent.keyboard('{Enter}');
    await settled(canvasElement.querySelector('linli-vote'));
    await expect((loaded.seed as Seed).gov.ballots('ranked')[0]?.choice).toEqual({
      kind: 'ranked',
      ranking: [1, 0, 2],
    });
  },
};

/**
 * A dot vote (Loomio's `dot_vote`): four points to spread over three projects. By keyboard, two points
 * to the lift and one to the bike shed; the points left are announced as they change.
 */
export const DotVote: Story = {
  args: { motion: 'dots', voter: 'u101' },
  loaders: [
    seededWith(
      {
        type: 'motion.draft',
        id: 'dots',
        title: '维修资金优先用在哪里',
        kind: 'dot',
        budget: 4,
        options: [
          { id: 'lift', label: '加装电梯' },
          { id: 'bikes', label: '非机动车棚' },
          { id: 'garden', label: '屋顶花园' },
        ],
        scope: { kind: 'stairwell', id: 's1' },
        basis: 'households',
        // Points are not a yes: a dot vote's rule asks only for turnout.
        rule: {
          id: 'half-take-part',
          name: { 'zh-CN': '过半参与', en: 'Half take part' },
          jurisdiction: 'community',
          version: '1',
          source: 'story',
          checks: [
            {
              kind: 'participation',
              dimension: 'headcount',
              threshold: { numerator: 1, denominator: 2 },
              comparison: 'inclusive',
            },
          ],
        },
        closesAt: '2026-12-20T10:00:00Z',
      },
      { type: 'motion.open', motionId: 'dots' },
      { type: 'ballot.cast', motionId: 'dots', voterId: 'u201', points: { lift: 1, bikes: 0, garden: 3 } },
    ),
  ],
  play: async ({ canvasElement, loaded }) => {
    const r = root(canvasElement);
    const press = async (option: number) => {
      const add = r.querySelectorAll<HTMLButtonElement>('[part~=points] button')[option * 2 + 1];
      add?.focus();
      await userEvent.keyboard('{Enter}');
      await settled(canvasElement.querySelector('linli-vote'));
    };
    await press(0);
    await press(0);
    await press(1);
    await expect(r.querySelector('[part=budget]')?.getAttribute('aria-live')).toBe('polite');
    await expect(r.querySelector('[part=budget]')?.textContent).toMatch(/1/);
    (r.querySelector('[part=submit]') as HTMLButtonElement).focus();
    await userEvent.keyboard('{Enter}');
    await settled(canvasElement.querySelector('linli-vote'));
    await expect((loaded.seed as Seed).gov.ballots('dots').find((b) => b.voterId === 'u101')?.choice).toEqual(
      {
        kind: 'dot',
        points: [2, 1, 0],
      },
    );
  },
};

/** No data connected yet. */
export const Empty: Story = {
  render: () => html`<linli-vote motion="lift"></linli-vote>`,
};

/** Waiting for a published view. */
export const Loading: Story = {
  render: () => html`<linli-vote src="/linli-story/never-answers.json" motion="lift"></linli-vote>`,
  beforeEach: () => {
    const real = window.fetch;
    window.fetch = (input, init) =>
      String(input).includes('never-answers') ? new Promise(() => undefined) : real(input, init);
    return () => {
      window.fetch = real;
    };
  },
};
