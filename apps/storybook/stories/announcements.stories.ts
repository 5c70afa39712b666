import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { apply, type Seed, seeded } from './support';

interface Args {
  readonly lang: string;
  readonly largeText: boolean;
  /** Commands run on the seeded community (clock on 2026-11-29) before the element draws. */
  readonly setup: readonly unknown[];
  /** Moves the clock before drawing, to show expiry. */
  readonly now?: string;
}

const lift = {
  type: 'announcement.post',
  id: 'lift',
  title: '电梯年检停运通知',
  body: '12月3日（周四）9:00–17:00 电梯年检，停运一天。\n行动不便的住户请提前联系楼组长。\n\n96号楼楼组长',
  scope: { kind: 'building', id: 'b96' },
  expiresOn: '2026-12-03',
};
const water = {
  type: 'announcement.post',
  id: 'water',
  title: '全小区停水',
  body: '周三 9:00–12:00 检修水管，全小区停水。请提前储水。',
  scope: { kind: 'community' },
};
const withScan = {
  ...lift,
  id: 'scan',
  title: '消防检查结果',
  body: '检查结果见附件扫描件。',
  expiresOn: undefined,
  attachments: [{ sha256: 'ab'.repeat(32), type: 'application/pdf', size: 183_420, name: '消防检查.pdf' }],
};

const meta: Meta<Args> = {
  title: 'Elements/linli-announcements',
  component: 'linli-announcements',
  tags: ['autodocs'],
  args: { lang: 'zh-CN', largeText: false, setup: [water, lift] },
  loaders: [
    async ({ args }) => {
      const seed = await seeded();
      await apply(seed.gov, ...args.setup);
      if (args.now) seed.clock.set(args.now);
      return { seed };
    },
  ],
  render: (args, { loaded }) =>
    html`<linli-announcements .governance=${(loaded.seed as Seed).gov} building="b96" lang=${args.lang} ?large-text=${args.largeText}></linli-announcements>`,
};
export default meta;

type Story = StoryObj<Args>;
const root = (canvas: HTMLElement) => canvas.querySelector('linli-announcements')?.shadowRoot as ShadowRoot;
const titles = (canvas: HTMLElement) =>
  [...root(canvas).querySelectorAll('summary strong')].map((s) => s.textContent);

/** Two notices up for 96号楼: one for the building with a last day, one for the whole community. */
export const Several: Story = {
  play: async ({ canvasElement }) => {
    await expect(titles(canvasElement)).toEqual(['电梯年检停运通知', '全小区停水']);
  },
};

/** Nothing posted. */
export const None: Story = {
  args: { setup: [] },
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement).querySelector('[role=status]')?.textContent).toBe('目前没有公告');
  },
};

/** The day after the lift notice's last day: it is gone, the other stays. */
export const ExpiredHidden: Story = {
  args: { now: '2026-12-04T02:00:00Z' },
  play: async ({ canvasElement }) => {
    await expect(titles(canvasElement)).toEqual(['全小区停水']);
  },
};

/** A notice with a scanned file (a published view offers it to signed-in households only). */
export const WithAttachment: Story = {
  args: { setup: [withScan] },
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement).querySelector('[part=attachment]')?.textContent).toContain(
      '消防检查.pdf',
    );
  },
};

/** In English. */
export const English: Story = { args: { lang: 'en' } };

/** In Chinese, large text for older readers. */
export const LargeText: Story = { args: { largeText: true } };
