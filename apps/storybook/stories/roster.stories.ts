import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';
import { type Seed, seeded, seededWith, settled } from './support';

interface RosterArgs {
  household: string;
  view: 'list' | 'month';
}

const meta: Meta<RosterArgs> = {
  title: 'Elements/linli-roster',
  component: 'linli-roster',
  tags: ['autodocs'],
  args: { household: 'u401', view: 'list' },
  loaders: [async () => ({ seed: await seeded() })],
  render: (args, { loaded }) =>
    html`<linli-roster
      .governance=${(loaded.seed as Seed).gov}
      .now=${new Date('2026-11-30T00:00:00Z')}
      duty="clean"
      household=${args.household}
      view=${args.view}
      weeks="12"
    ></linli-roster>`,
};
export default meta;

type Story = StoryObj<RosterArgs>;
const root = (canvas: HTMLElement) => canvas.querySelector('linli-roster')?.shadowRoot as ShadowRoot;

/** The Monday rota: 102 and 202 (aged 80+) never appear; 401 and 402 swapped turns; 302 is away in January. */
export const WithExemptionsAndSwaps: Story = {};

/** The month calendar. */
export const MonthView: Story = { args: { view: 'month' } };

/** Everyone away on 7 December: the slot is unfilled, and says so. */
export const Unfilled: Story = {
  loaders: [
    seededWith(
      ...['u101', 'u201', 'u301', 'u302', 'u401', 'u402', 'u501', 'u502', 'u601'].map((memberId) => ({
        type: 'duty.absence',
        dutyId: 'clean',
        memberId,
        from: '2026-12-05',
        to: '2026-12-09',
        reason: '社区旅行',
      })),
    ),
  ],
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement).textContent).toMatch(/无人可值|Unfilled/);
  },
};

/** 101 asks to swap its turn. */
export const RequestSwap: Story = {
  args: { household: 'u101' },
  play: async ({ canvasElement }) => {
    const button = [...root(canvasElement).querySelectorAll('button')].find((b) =>
      /申请换班|Request a swap/.test(b.textContent ?? ''),
    );
    await userEvent.click(button as HTMLButtonElement);
    await settled(canvasElement.querySelector('linli-roster'));
    const send = [...root(canvasElement).querySelectorAll('button')].find((b) =>
      /发送换班申请|Send swap request/.test(b.textContent ?? ''),
    );
    await userEvent.click(send as HTMLButtonElement);
    await settled(canvasElement.querySelector('linli-roster'));
    await expect(root(canvasElement).textContent).toMatch(/等待对方同意|waiting for the other household/);
  },
};

/** The month on a 360 px phone in large text: the days with a turn as a list, each with its weekday. */
export const MonthOnPhone: Story = {
  args: { view: 'month' },
  decorators: [(story) => html`<div style="width: 360px; --linli-font-scale: 1.25">${story()}</div>`],
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('linli-roster') as HTMLElement;
    await expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth);
    const table = el.shadowRoot?.querySelector('table[part=month]') as HTMLElement;
    await expect(getComputedStyle(table).display).toBe('block');
  },
};
