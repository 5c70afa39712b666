import { endpointSession } from '@linli/widgets';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';

interface SignInArgs {
  readonly endpoint: string;
  readonly lang: string;
  readonly largeText: boolean;
}

const meta: Meta<SignInArgs> = {
  title: 'Elements/linli-sign-in',
  component: 'linli-sign-in',
  tags: ['autodocs'],
  args: { endpoint: 'https://linli.example/c/xfkl', lang: 'zh-CN', largeText: false },
  argTypes: { lang: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  render: ({ endpoint, lang, largeText }) =>
    html`<linli-sign-in endpoint=${endpoint} lang=${lang} ?large-text=${largeText}></linli-sign-in>`,
  parameters: {
    docs: {
      description: {
        component:
          "A household signs in with its printed invite code inside the page, on any website the community lists; the session is kept per site and endpoint, and every element with that `endpoint` uses it. A `<linli-vote>` bound to a server with no `voter` shows this form itself. The server's refusal shows under the field.",
      },
    },
  },
};
export default meta;

type Story = StoryObj<SignInArgs>;

/** The form a household meets on the community's website: the code field, where the code is printed, the button. */
export const Form: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('linli-sign-in');
    await el?.updateComplete;
    await expect(el?.shadowRoot?.querySelector('label')?.textContent).toBe('入户邀请码');
  },
};

/** In English, in large text for older readers. */
export const LargeTextEnglish: Story = { args: { lang: 'en', largeText: true } };

/** Once a household is signed in (here, as if it had redeemed its code), the element says who. */
export const SignedIn: Story = {
  args: { endpoint: 'https://linli.example/c/storybook-signed-in' },
  loaders: [
    async () => {
      endpointSession('https://linli.example/c/storybook-signed-in').value = {
        token: 'story',
        household: 'u102',
      };
      return {};
    },
  ],
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('linli-sign-in');
    await el?.updateComplete;
    await expect(el?.shadowRoot?.querySelector('[part~="signed-in"]')?.textContent).toBe('已登录：住户 u102');
  },
};
