import {
  checkRuleFits,
  createGovernance,
  fixedClock,
  type Governance,
  MemoryStore,
  rulePresets,
  sequentialIds,
} from '@linli/core';
import { describe, expect, it } from 'vitest';
import { draftCommand, instant } from './draft-command.ts';
import { electionDraft, templateDraft } from './templates.ts';
import { type TemplateContext, templateIds } from './wizard-draft.ts';

/** One building, one stairwell, floors 1–2 with two units each; the 一长五大 roles of the building. */
async function community(): Promise<Governance> {
  const governance = await createGovernance({
    store: new MemoryStore(),
    clock: fixedClock('2026-11-29T02:00:00Z'),
    ids: sequentialIds(),
  });
  const commands: unknown[] = [
    { type: 'community.found', name: '新福康里' },
    { type: 'building.add', name: '96号楼', id: 'b96' },
    { type: 'stairwell.add', buildingId: 'b96', name: '1单元', id: 's1' },
    { type: 'role.defineStandard', buildingId: 'b96', termMonths: 36 },
  ];
  for (const room of ['101', '102', '201', '202'])
    commands.push({
      type: 'unit.add',
      stairwellId: 's1',
      room,
      floor: Number(room[0]),
      area: 7500,
      areaSource: 'registered',
      id: `u${room}`,
    });
  for (const command of commands) {
    const result = await governance.execute(command);
    if (!result.ok) throw new Error(result.error.message.en);
  }
  return governance;
}

const context = (gov: Governance): TemplateContext => ({
  community: gov.read((s) => s.community),
  roles: gov.read((s) => [...s.roles.roles.values()]),
  now: Date.parse('2026-11-29T02:00:00Z'),
  words: { title: 'T', body: 'B', options: ['A', 'B', 'C'] },
});

describe('the wizard templates', () => {
  it('pre-fill the elevator as a major owners’ matter in a stairwell, the ground floor must consent', async () => {
    const d = templateDraft('elevator', context(await community()));
    expect(d).toMatchObject({
      kind: 'proposal',
      basis: 'owners',
      rule: 'civilCode278.major',
      scope: { kind: 'stairwell', id: 's1' },
      mustConsent: ['u101', 'u102'],
      body: 'B',
    });
  });

  it('pre-fill the offers as a pick-one owners’ vote under Art. 278 ordinary matters, no one must consent', async () => {
    const d = templateDraft('offers', context(await community()));
    expect(d).toMatchObject({
      kind: 'single',
      basis: 'owners',
      rule: 'civilCode278.ordinary',
      mustConsent: [],
    });
  });

  it('leave the options empty for the organizer to fill in: the template’s words are only hints', async () => {
    const ctx = context(await community());
    for (const id of ['offers', 'design', 'election'] as const)
      expect(
        templateDraft(id, ctx).options.map((o) => o.label),
        id,
      ).toEqual(['', '', '']);
  });

  it('give every template a rule the core accepts for its kind and basis', async () => {
    const ctx = context(await community());
    for (const id of templateIds) {
      const d = templateDraft(id, ctx);
      const rule = (rulePresets as Record<string, (typeof rulePresets)[keyof typeof rulePresets]>)[d.rule];
      expect(rule, id).toBeDefined();
      if (rule) expect(checkRuleFits({ ...d, rule }), id).toBeNull();
    }
  });

  it('elect by plurality for one seat and by STV for several, in the role’s building', async () => {
    const ctx = context(await community());
    const head = ctx.roles.find((r) => r.seats === 1);
    expect(head).toBeDefined();
    const single = electionDraft(templateDraft('election', ctx), ctx, head?.id);
    expect(single).toMatchObject({
      kind: 'single',
      scope: { kind: 'building', id: 'b96' },
      roleId: head?.id,
    });
    const committee = {
      ...ctx,
      roles: [{ ...(head as NonNullable<typeof head>), id: 'committee', seats: 3 }],
    };
    const stv = electionDraft(single, committee, 'committee');
    expect(stv).toMatchObject({ kind: 'ranked', method: 'stv', seats: 3, roleId: 'committee' });
    expect(stv.options.map((o) => o.id)).toEqual(['o1', 'o2', 'o3']);
  });

  it('link the election to its role, and open the convention to the households’ amendments', async () => {
    const gov = await community();
    const ctx = context(gov);
    const election = templateDraft('election', ctx);
    expect(draftCommand(election)).toMatchObject({ electsRole: election.roleId });
    const convention = templateDraft('convention', ctx);
    expect(draftCommand(convention)).toMatchObject({ amendableBy: 'electorate' });
    expect(draftCommand({ ...convention, residentAmendments: false })).not.toHaveProperty('amendableBy');
    // Amendments are a text motion's: a choice motion never sends the setting.
    expect(draftCommand({ ...convention, kind: 'single' })).not.toHaveProperty('amendableBy');
    const drafted = await gov.execute(
      draftCommand({
        ...election,
        options: [
          { id: 'o1', label: '张阿姨' },
          { id: 'o2', label: '李师傅' },
        ],
      }),
    );
    expect(drafted.ok).toBe(true);
    expect(gov.motions.value.at(-1)?.electsRole).toBe(election.roleId);
  });

  it('are drafted by the core as they are filled in', async () => {
    const gov = await community();
    const ctx = context(gov);
    for (const id of templateIds) {
      const d = templateDraft(id, ctx);
      const options = d.options.map((o, i) => ({ ...o, label: ctx.words.options[i] ?? o.id }));
      const fund = d.fund && {
        ...d.fund,
        amount: '1000',
        costs: Object.fromEntries(options.map((o) => [o.id, '250.50'])),
      };
      const filled = { ...d, options, title: d.title || 'Custom', ...(fund ? { fund } : {}) };
      const result = await gov.execute(draftCommand(filled));
      expect(result.ok ? 'drafted' : result.error.code, id).toBe('drafted');
    }
  });
});

describe('draftCommand', () => {
  it('sends times as instants and leaves out what the kind does not use', () => {
    expect(instant('not a time')).toBe('not a time');
    expect(instant('2030-01-02T10:00')).toBe(new Date('2030-01-02T10:00').toISOString());
    const command = draftCommand({
      template: 'custom',
      title: '  Clean the stairs ',
      body: ' ',
      kind: 'proposal',
      options: [{ id: 'o1', label: 'x' }],
      scope: { kind: 'community' },
      basis: 'households',
      rule: 'simpleMajority',
      mustConsent: ['u101'],
      secrecy: 'public',
      allowChange: true,
      proxyCap: 1,
      tieBreak: 'report',
      opensAt: '',
      closesAt: '2030-01-02T10:00',
    });
    expect(command).toEqual({
      type: 'motion.draft',
      title: 'Clean the stairs',
      kind: 'proposal',
      scope: { kind: 'community' },
      basis: 'households',
      rule: 'simpleMajority',
      secrecy: 'public',
      allowChange: true,
      proxyCap: 1,
      tieBreak: 'report',
      closesAt: new Date('2030-01-02T10:00').toISOString(),
    });
  });
});
