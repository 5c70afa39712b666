import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent } from 'storybook/test';
import { type Seed, seeded, seededWith, settled } from './support';

const meta: Meta<{ fund: string; household: string }> = {
  title: 'Elements/linli-fund',
  component: 'linli-fund',
  tags: ['autodocs'],
  args: { fund: 'lift-fund', household: 'u301' },
  loaders: [async () => ({ seed: await seeded() })],
  render: (args, { loaded }) =>
    html`<linli-fund .governance=${(loaded.seed as Seed).gov} fund=${args.fund} household=${args.household}></linli-fund>`,
};
export default meta;

type Story = StoryObj<{ fund: string; household: string }>;
const root = (canvas: HTMLElement) => canvas.querySelector('linli-fund')?.shadowRoot as ShadowRoot;

/** The elevator fund: shares by floor coefficient, two payments, the rest in arrears. */
export const WithArrears: Story = {};

/** Maintenance, partly paid for by the elevator's ad income. */
export const IncomeOffsets: Story = { args: { fund: 'upkeep', household: 'u101' } };

/** The doorman's wage over 福泰大厦's 80 households, one of them prorated. */
export const DoormanWage: Story = { args: { fund: 'doorman', household: 'ft37' } };

/** Sorting by arrears, largest first. */
export const SortByArrears: Story = {
  play: async ({ canvasElement }) => {
    const header = [...root(canvasElement).querySelectorAll('th')].find((th) =>
      /欠缴|Arrears/.test(th.textContent ?? ''),
    ) as HTMLElement;
    await userEvent.click(header.querySelector('button') as HTMLButtonElement);
    await userEvent.click(header.querySelector('button') as HTMLButtonElement);
    await settled(canvasElement.querySelector('linli-fund'));
    await expect(header.getAttribute('aria-sort')).toBe('descending');
  },
};

/** On a 360 px phone: each household a card of labelled figures, its own card highlighted, nothing scrolls sideways. */
export const Phone: Story = {
  decorators: [(story) => html`<div style="width: 360px">${story()}</div>`],
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('linli-fund') as HTMLElement;
    await expect(el.scrollWidth).toBeLessThanOrEqual(el.clientWidth);
    const own = root(canvasElement).querySelector('tr[aria-current=true]') as HTMLElement;
    await expect(getComputedStyle(own).display).toBe('block');
  },
};

/** A household the scheme exempts (低保户): a sentence says so, with the reason, where its row would be. */
export const ExemptHousehold: Story = {
  args: { fund: 'roof', household: 'u302' },
  loaders: [
    seededWith(
      {
        type: 'scheme.define',
        id: 'roof',
        name: '屋面维修分摊',
        scope: { kind: 'stairwell', id: 's1' },
        basis: { kind: 'area' },
        exemptions: [{ unitId: 'u302', reason: '低保户' }],
      },
      { type: 'fund.open', id: 'roof', name: '屋面防水维修', budget: 3_000_000 },
      { type: 'fund.pledge', fundId: 'roof', schemeId: 'roof', cost: 3_000_000, due: '2027-01-31' },
    ),
  ],
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement).querySelector('[part=exempt]')?.textContent).toContain('低保户');
  },
};
