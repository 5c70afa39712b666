import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { openMotion, type Seed, seeded, seededWith } from './support';

interface FormArgs {
  motion: string;
  voter: string;
}

const meta: Meta<FormArgs> = {
  title: 'Elements/linli-ballot-form',
  component: 'linli-ballot-form',
  tags: ['autodocs'],
  args: { motion: 'lift', voter: 'o102' },
  loaders: [async () => ({ seed: await seeded() })],
  render: (args, { loaded }) =>
    html`<linli-ballot-form .governance=${(loaded.seed as Seed).gov} motion=${args.motion} voter=${args.voter}
      community-name="新福康里"></linli-ballot-form>`,
};
export default meta;

type Story = StoryObj<FormArgs>;

const options = [
  { id: 'a', label: '方案甲：北侧加装' },
  { id: 'b', label: '方案乙：南侧加装' },
  { id: 'c', label: '方案丙：暂不加装' },
];

/** A form for one motion of the given kind, for household 101 of Building 96's stairwell 1. */
const ofKind = (kind: string, extra: Record<string, unknown> = {}): Story => ({
  args: { motion: kind, voter: 'u101' },
  loaders: [
    seededWith(
      ...openMotion({
        id: kind,
        title: '电梯方案征求意见',
        kind,
        options,
        basis: 'households',
        rule: 'twoThirdsTurnout',
        ...extra,
      }),
    ),
  ],
});

/** The elevator vote: yes / no / abstain boxes. */
export const Proposal: Story = {};
export const Single: Story = ofKind('single');
export const Approval: Story = ofKind('approval', { maxChoices: 2 });
export const Score: Story = ofKind('score');
export const Ranked: Story = ofKind('ranked', { method: 'irv' });
export const Dot: Story = ofKind('dot', { budget: 10 });

/** A household the motion's roll does not include. */
export const NotOnRoll: Story = { args: { voter: 'nobody' } };

/** A draft: the roll is not fixed yet, so there is nothing to print. */
export const NotOpened: Story = { args: { motion: 'convention', voter: 'u101' } };
