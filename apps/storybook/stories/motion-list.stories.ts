import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
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
