import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';

interface MoneyArgs {
  fen: number;
  largeText: boolean;
}

const meta: Meta<MoneyArgs> = {
  title: 'Elements/linli-money',
  component: 'linli-money',
  tags: ['autodocs'],
  args: { fen: 123456, largeText: false },
  render: ({ fen, largeText }) => html`<linli-money .fen=${fen} ?large-text=${largeText}></linli-money>`,
  parameters: {
    docs: { description: { component: 'An amount of integer fen (分), formatted for the reader.' } },
  },
};
export default meta;

type Story = StoryObj<MoneyArgs>;

/** A pledge of ¥1,234.56 as it appears in a cost-share table. */
export const Amount: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('linli-money');
    await el?.updateComplete;
    await expect(el?.shadowRoot?.textContent?.trim()).toBe('¥1,234.56');
  },
};

/** A refund is negative money. */
export const Refund: Story = { args: { fen: -8800 } };

/** Large-text mode for older readers. */
export const LargeText: Story = { args: { fen: 9_876_543, largeText: true } };

/** A fractional fen is refused with a localized message, never rounded silently. */
export const InvalidAmount: Story = {
  args: { fen: 10.5 },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('linli-money');
    await el?.updateComplete;
    await expect(el?.shadowRoot?.querySelector('[part="error"]')).not.toBeNull();
  },
};
