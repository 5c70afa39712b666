import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import { apply, type Seed, seeded } from './support';

interface Args {
  readonly lang: string;
  readonly largeText: boolean;
  /** Commands run on the seeded community before the element draws. */
  readonly setup: readonly unknown[];
  readonly withContacts: boolean;
}

const HEAD_PHONE = '138 0000 9696';

/** The seeded 96号楼 seats only its head, 气象员 and 安全联防员; this fills the other three. */
const allFilled = [
  { type: 'role.appoint', roleId: 'b96-harmony', holder: '王老师', reason: '居委会推荐，本人同意' },
  { type: 'role.appoint', roleId: 'b96-civility', holder: '赵阿姨', reason: '居委会推荐，本人同意' },
  { type: 'role.appoint', roleId: 'b96-mediator', holder: '孙师傅', reason: '居委会推荐，本人同意' },
];

const meta: Meta<Args> = {
  title: 'Elements/linli-roles',
  component: 'linli-roles',
  tags: ['autodocs'],
  args: { lang: 'zh-CN', largeText: false, setup: [], withContacts: false },
  loaders: [
    async ({ args }) => {
      const seed = await seeded();
      await apply(seed.gov, ...args.setup);
      return { seed };
    },
  ],
  render: (args, { loaded }) => {
    const gov = (loaded.seed as Seed).gov;
    const contacts = args.withContacts
      ? gov.roles().flatMap((b) =>
          b.roles.flatMap((r) =>
            r.id === 'b96-head'
              ? r.holders.map((h) => ({
                  termId: h.termId,
                  roleId: r.id,
                  buildingId: b.buildingId,
                  name: h.name,
                  contact: HEAD_PHONE,
                }))
              : [],
          ),
        )
      : [];
    return html`<linli-roles .governance=${gov} .contacts=${contacts} lang=${args.lang} ?large-text=${args.largeText}></linli-roles>`;
  },
};
export default meta;

type Story = StoryObj<Args>;
const root = (canvas: HTMLElement) => canvas.querySelector('linli-roles')?.shadowRoot as ShadowRoot;

/** 96号楼 as seeded: the elected head and two specialists, three seats vacant. */
export const WithVacancies: Story = {
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement).querySelectorAll('[part~=vacant]')).toHaveLength(3);
  },
};

/** Every seat filled. */
export const AllFilled: Story = {
  args: { setup: allFilled },
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement).querySelectorAll('[part~=vacant]')).toHaveLength(0);
  },
};

/** A signed-in household's page: the head shared a phone number. */
export const WithContacts: Story = {
  args: { withContacts: true },
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement).querySelector('[part=contact]')?.textContent).toContain(HEAD_PHONE);
  },
};

/** In English. */
export const English: Story = { args: { lang: 'en' } };

/** Large text for older readers. */
export const LargeText: Story = { args: { largeText: true } };

/** A page for a building with no roles set up (the seed defines 96号楼's only). */
export const NoRoles: Story = {
  render: (_args, { loaded }) =>
    html`<linli-roles .governance=${(loaded.seed as Seed).gov} building="ft" lang="zh-CN"></linli-roles>`,
  play: async ({ canvasElement }) => {
    await expect(root(canvasElement).querySelector('[role=status]')).not.toBeNull();
  },
};
