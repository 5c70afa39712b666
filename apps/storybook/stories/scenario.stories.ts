import { approvalSets, equalShares, formatMoney, greedyByApprovals, type Money, rolesOn } from '@linli/core';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { type Seed, seeded } from './support';

/**
 * The reference story of Linli, told with the real elements on one shared fixture (`seedScenario`
 * from `@linli/core/seed`): no number here is typed by hand.
 */
const meta: Meta = {
  title: 'Scenario: 新福康里',
  loaders: [async () => ({ seed: await seeded() })],
};
export default meta;

type Story = StoryObj;
const seedOf = (loaded: Record<string, unknown>) => loaded.seed as Seed;

/** 1 · Building 96 decides to install an elevator: Art. 278's double majority by owners and by area, with the ground floor's consent. */
export const ElevatorVote: Story = {
  render: (_args, { loaded }) =>
    html`<linli-vote .governance=${seedOf(loaded).gov} motion="lift" voter="o102"></linli-vote>`,
};

/** 2 · The residents pay: after a 40% district subsidy, floors 1–2 pay nothing and 3–6 pay 0.7 … 1.0 × area. */
export const CostSplitByFloor: Story = {
  render: (_args, { loaded }) =>
    html`<linli-fund .governance=${seedOf(loaded).gov} fund="lift-fund"></linli-fund>`,
};

/** 3 · Ad space in the elevator covers part of its maintenance (Art. 282: income less its costs). */
export const AdIncomeOffsetsMaintenance: Story = {
  render: (_args, { loaded }) =>
    html`<linli-fund .governance=${seedOf(loaded).gov} fund="upkeep"></linli-fund>`,
};

/** 4 · They take turns cleaning the elevator every Monday morning; the over-80s are exempt. */
export const MondayCleaningRota: Story = {
  render: (_args, { loaded }) =>
    html`<linli-roster .governance=${seedOf(loaded).gov} .now=${new Date('2026-11-30T00:00:00Z')} duty="clean" weeks="10"></linli-roster>`,
};

/** 5 · One head and five specialists (一长五大): who serves, until when, and which seats are vacant. */
export const OneHeadFiveSpecialists: Story = {
  render: (_args, { loaded, globals }) => {
    const { gov } = seedOf(loaded);
    const zh = globals.lang !== 'en';
    const roles = gov.read((s) => rolesOn(s.roles, 'b96', '2026-11-29' as never));
    return html`<table>
      <caption>${zh ? '96号楼 一长五大' : 'Building 96: one head, five specialists'}</caption>
      <thead>
        <tr>
          <th scope="col">${zh ? '职务' : 'Role'}</th>
          <th scope="col">${zh ? '任职' : 'Holder'}</th>
          <th scope="col">${zh ? '任期至' : 'Term ends'}</th>
        </tr>
      </thead>
      <tbody>
        ${roles.map(
          (r) => html`<tr>
            <th scope="row">${zh ? r.role.name['zh-CN'] : r.role.name.en}</th>
            <td>${r.holders.map((h) => h.holder).join('、') || (zh ? '空缺' : 'Vacant')}</td>
            <td>${r.holders.map((h) => h.until).join('、') || '—'}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  },
};

/** 6 · The community fund pays for projects residents propose: greedy by votes, and the Method of Equal Shares. */
export const ParticipatoryBudget: Story = {
  render: (_args, { loaded, globals }) => {
    const { gov, ids } = seedOf(loaded);
    const zh = globals.lang !== 'en';
    const motion = gov.motions.value.find((m) => m.id === ids.projectsMotion);
    const approvals = motion ? approvalSets(motion, gov.ballots(motion.id)) : [];
    const projects = ids.projects.map((p) => ({ id: p.id, name: p.name, cost: p.cost }));
    const greedy = greedyByApprovals(projects, approvals, ids.projectBudget);
    const shares = equalShares(projects, approvals, ids.projectBudget);
    const money = (fen: number) => formatMoney(fen as Money, zh ? 'zh-CN' : 'en');
    return html`<linli-vote .governance=${gov} motion=${ids.projectsMotion}></linli-vote>
      <table>
        <caption>${zh ? `预算 ${money(ids.projectBudget)}：两种选法` : `Budget ${money(ids.projectBudget)}: two ways to choose`}</caption>
        <thead>
          <tr>
            <th scope="col">${zh ? '项目' : 'Project'}</th>
            <th scope="col">${zh ? '费用' : 'Cost'}</th>
            <th scope="col">${zh ? '按票数' : 'By votes'}</th>
            <th scope="col">${zh ? '平等份额法' : 'Equal shares'}</th>
          </tr>
        </thead>
        <tbody>
          ${projects.map((p, i) => {
            const g = greedy.outcomes[i];
            const e = shares.outcomes[i];
            return html`<tr>
              <th scope="row">${p.name}</th>
              <td>${money(p.cost)}</td>
              <td>${zh ? g?.reason['zh-CN'] : g?.reason.en}</td>
              <td>${zh ? e?.reason['zh-CN'] : e?.reason.en}</td>
            </tr>`;
          })}
        </tbody>
      </table>`;
  },
};
