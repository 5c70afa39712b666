import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { type Seed, seeded } from './support';

const meta: Meta<{ building: string }> = {
  title: 'Elements/linli-motion-list',
  component: 'linli-motion-list',
  tags: ['autodocs'],
  args: { building: '' },
  loaders: [async () => ({ seed: await seeded() })],
  render: (args, { loaded }) =>
    html`<linli-motion-list .governance=${(loaded.seed as Seed).gov} building=${args.building} href-template="#motion-{id}"></linli-motion-list>`,
};
export default meta;

type Story = StoryObj<{ building: string }>;

/** Every motion of 新福康里: open, draft and decided. */
export const AllMotions: Story = {};

/** A building with no motions. */
export const EmptyBuilding: Story = { args: { building: 'ft' } };

/** Building 96's motions: its closed election names who won (选出：…), never "通过". */
export const ElectionWinner: Story = {
  args: { building: 'b96' },
  play: async ({ canvasElement }) => {
    const items = [
      ...(canvasElement.querySelector('linli-motion-list')?.shadowRoot?.querySelectorAll('[part=item]') ??
        []),
    ];
    const election = items.find((li) => li.textContent?.includes('楼组长'));
    await expect(election?.querySelector('[part~=outcome]')?.textContent).toMatch(
      /^(选出|当选|Chosen|Elected)/,
    );
  },
};
