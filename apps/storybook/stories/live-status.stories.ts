import type { Governance } from '@linli/core';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { seeded } from './support';

interface Args {
  readonly lang: string;
  readonly largeText: boolean;
  /** Minutes since the live stream dropped; negative: connected. */
  readonly staleMinutes: number;
  /** Ballots waiting to be sent. */
  readonly queued: number;
  /** Whether one queued ballot met a refusal when it was sent. */
  readonly refused: boolean;
}

/** A fixed value where a live view has a signal: the element only reads `.value`. */
const fixed = <T>(value: T) => ({ value, peek: () => value });

/**
 * The seeded community as a live view would show it, with the queue and freshness a connection to a
 * server has (`pending`, `refused`, `staleSince`): what a phone shows after a drop, offline. The
 * refusal is the core's own, for a command it refuses (a building without a name).
 */
async function asLiveView(gov: Governance, args: Args) {
  const ballot = { type: 'ballot.cast', motionId: 'lift', voterId: 'o102', vote: 'yes' };
  const staleSince = args.staleMinutes < 0 ? undefined : Date.now() - args.staleMinutes * 60_000;
  const refusal = await gov.execute({ type: 'building.add' });
  const refused =
    args.refused && !refusal.ok ? [{ key: 'k-refused', command: ballot, error: refusal.error }] : [];
  return Object.assign(Object.create(gov) as Governance, {
    connected: fixed(staleSince === undefined),
    staleSince: fixed(staleSince),
    pending: fixed(Array.from({ length: args.queued }, (_, i) => ({ key: `k${i}`, command: ballot }))),
    refused: fixed(refused),
  });
}

const meta: Meta<Args> = {
  title: 'Elements/linli-live-status',
  component: 'linli-live-status',
  tags: ['autodocs'],
  args: { lang: 'zh-CN', largeText: false, staleMinutes: 3, queued: 1, refused: false },
  loaders: [async ({ args }) => ({ governance: await asLiveView((await seeded()).gov, args as Args) })],
  render: (args, { loaded }) =>
    html`<linli-live-status
      .governance=${loaded.governance}
      lang=${args.lang}
      ?large-text=${args.largeText}
    ></linli-live-status>`,
};
export default meta;

type Story = StoryObj<Args>;
const root = (canvas: HTMLElement) => canvas.querySelector('linli-live-status')?.shadowRoot as ShadowRoot;
const text = (canvas: HTMLElement, part: string) =>
  root(canvas).querySelector(`[part~=${part}]`)?.textContent?.trim() ?? '';

/** Three minutes after the drop, one ballot saved on the phone. */
export const StaleWithABallotSaved: Story = {
  play: async ({ canvasElement }) => {
    await expect(text(canvasElement, 'stale')).toBe('连接已断开，显示的是 3 分钟前的数据');
    await expect(text(canvasElement, 'queued')).toBe('已保存 1 项操作，联网后自动提交');
  },
};

/** In English. */
export const English: Story = {
  args: { lang: 'en', queued: 2 },
  play: async ({ canvasElement }) => {
    await expect(text(canvasElement, 'stale')).toBe('Connection lost: showing data from 3 minutes ago');
    await expect(text(canvasElement, 'queued')).toBe('2 saved; sent by themselves when you are back online');
  },
};

/** A queued ballot the server refused when it was finally sent. */
export const Refused: Story = {
  args: { staleMinutes: -1, queued: 0, refused: true },
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement).querySelector('[part~=error]')?.getAttribute('role')).toBe('alert');
  },
};

/** Connected, nothing waiting: nothing to say. */
export const Live: Story = {
  args: { staleMinutes: -1, queued: 0 },
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement).textContent?.trim()).toBe('');
  },
};

/** Large text for older readers. */
export const LargeText: Story = { args: { largeText: true } };
