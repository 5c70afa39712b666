import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { apply, openMotion, type Seed, seeded, seededWith, settled } from './support';

interface NoticeArgs {
  motion: string;
  resultUrl: string;
}

const meta: Meta<NoticeArgs> = {
  title: 'Elements/linli-result-notice',
  component: 'linli-result-notice',
  tags: ['autodocs'],
  args: { motion: 'head-2026', resultUrl: 'https://linli.example/c/xfk/motions/head-2026/result' },
  loaders: [async () => ({ seed: await seeded('2026-12-21T02:00:00Z') })],
  render: (args, { loaded }) =>
    html`<linli-result-notice .governance=${(loaded.seed as Seed).gov} motion=${args.motion}
      result-url=${args.resultUrl} print-button></linli-result-notice>`,
};
export default meta;

type Story = StoryObj<NoticeArgs>;
const root = (canvas: HTMLElement) => canvas.querySelector('linli-result-notice')?.shadowRoot as ShadowRoot;

/** A public election, closed and decided: the roll by room is printed. */
export const PublicPassed: Story = {
  play: async ({ canvasElement }) => {
    await settled(canvasElement.querySelector('linli-result-notice'));
    await expect(root(canvasElement).querySelector('[part=roll]')).not.toBeNull();
    await expect(root(canvasElement).querySelector('svg[part=qr]')).not.toBeNull();
  },
};

/** A public proposal closed with too little support. */
export const PublicFailed: Story = {
  args: { motion: 'repaint' },
  loaders: [
    seededWith(
      ...openMotion({ id: 'repaint', title: '楼道重新粉刷', kind: 'proposal' }),
      { type: 'ballot.cast', motionId: 'repaint', voterId: 'o101', vote: 'no' },
      { type: 'motion.close', motionId: 'repaint' },
    ),
  ],
};

/** A secret ballot: totals only, no roll, no area that could name a voter. */
export const Secret: Story = {
  args: { motion: 'bikes' },
  loaders: [
    seededWith(
      ...openMotion({
        id: 'bikes',
        title: '楼道不放自行车',
        kind: 'proposal',
        secrecy: 'secret',
        showVoters: false,
      }),
      { type: 'ballot.cast', motionId: 'bikes', voterId: 'o101', vote: 'yes' },
      { type: 'ballot.cast', motionId: 'bikes', voterId: 'o201', vote: 'yes' },
      { type: 'ballot.cast', motionId: 'bikes', voterId: 'o202', vote: 'no' },
      { type: 'motion.close', motionId: 'bikes' },
    ),
  ],
  play: async ({ canvasElement }) => {
    await settled(canvasElement.querySelector('linli-result-notice'));
    await expect(root(canvasElement).querySelector('[part=roll]')).toBeNull();
  },
};

const candidates = [
  { id: 'zhang', label: '张阿姨' },
  { id: 'li', label: '李师傅' },
  { id: 'chen', label: '陈老师' },
];

/** A ranked STV election of two 楼组 helpers: winners in order. */
export const RankedStv: Story = {
  args: { motion: 'helpers' },
  loaders: [
    seededWith(
      ...openMotion({
        id: 'helpers',
        title: '选举两位楼组志愿者',
        kind: 'ranked',
        method: 'stv',
        seats: 2,
        options: candidates,
        basis: 'households',
        rule: 'twoThirdsTurnout',
      }),
      ...[
        ['u101', ['zhang', 'li']],
        ['u102', ['zhang', 'chen']],
        ['u201', ['li', 'zhang']],
        ['u202', ['chen', 'li']],
        ['u301', ['zhang', 'li', 'chen']],
        ['u302', ['li', 'chen']],
        ['u401', ['zhang']],
      ].map(([voterId, ranking]) => ({ type: 'ballot.cast', motionId: 'helpers', voterId, ranking })),
      { type: 'motion.close', motionId: 'helpers' },
    ),
  ],
};

/** Two candidates tied and a lottery, committed when the motion opened, picked the winner. */
export const TieLottery: Story = {
  args: { motion: 'tie' },
  loaders: [
    async () => {
      const seed = await seeded();
      await apply(
        seed.gov,
        ...openMotion({
          id: 'tie',
          title: '选举和谐宣传员',
          kind: 'single',
          options: candidates.slice(0, 2),
          basis: 'households',
          rule: 'simpleMajority',
          tieBreak: 'lottery',
        }),
        { type: 'ballot.cast', motionId: 'tie', voterId: 'u101', option: 'zhang' },
        { type: 'ballot.cast', motionId: 'tie', voterId: 'u201', option: 'li' },
      );
      // A lottery draw happens only at the scheduled close, never at an early one.
      seed.clock.set('2026-12-20T10:00:00Z');
      await apply(seed.gov, { type: 'motion.close', motionId: 'tie' });
      return { seed };
    },
  ],
  play: async ({ canvasElement }) => {
    await settled(canvasElement.querySelector('linli-result-notice'));
    await expect(root(canvasElement).querySelector('[part=lottery]')).not.toBeNull();
  },
};

/** The elevator vote while still open: marked provisional. */
export const OpenProvisional: Story = {
  args: { motion: 'lift' },
  loaders: [async () => ({ seed: await seeded() })],
  play: async ({ canvasElement }) => {
    await settled(canvasElement.querySelector('linli-result-notice'));
    await expect(root(canvasElement).querySelector('[part=provisional]')).not.toBeNull();
  },
};

/** A draft has no result yet. */
export const NotOpened: Story = { args: { motion: 'convention' } };
