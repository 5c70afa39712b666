import type { Scope } from '@linli/core';
import {
  fitRule,
  groundFloorUnits,
  localInput,
  type TemplateContext,
  type TemplateId,
  type WizardDraft,
} from './wizard-draft.js';

const WEEK = 7 * 24 * 60 * 60 * 1000;

/**
 * Options `o1`, `o2`, … one per template word, left empty: the words ("Offer 1") are only placeholder
 * hints, never values that could be saved unnoticed.
 */
const optionsOf = (hints: readonly string[]) => hints.map((_, i) => ({ id: `o${i + 1}`, label: '' }));

/** The first stairwell, else the first building, else the whole community. */
function firstScope(ctx: TemplateContext, prefer: 'stairwell' | 'building'): Scope {
  const stairwell = ctx.community.stairwells.values().next().value;
  const building = ctx.community.buildings.values().next().value;
  if (prefer === 'stairwell' && stairwell) return { kind: 'stairwell', id: stairwell.id };
  if (building) return { kind: 'building', id: building.id };
  return { kind: 'community' };
}

/** What every template starts from: a public yes/no proposal of the households, closing in a week. */
function base(template: TemplateId, ctx: TemplateContext): WizardDraft {
  return {
    template,
    title: ctx.words.title,
    body: ctx.words.body,
    kind: 'proposal',
    options: [],
    scope: { kind: 'community' },
    basis: 'households',
    rule: 'simpleMajority',
    mustConsent: [],
    secrecy: 'public',
    allowChange: true,
    proxyCap: 1,
    tieBreak: 'report',
    opensAt: '',
    closesAt: localInput(ctx.now + WEEK),
  };
}

/**
 * A template's pre-filled draft (kind, basis, rule, options, scope), from the story:
 * - `elevator`: installing an elevator is a major owners' matter (Civil Code Art. 278 items 6–8), in one
 *   stairwell, with the ground-floor units (whose light and access it changes most) as must-consent and
 *   the cost plan as the body;
 * - `convention`: a text motion of the households, who may propose amendments while it is a draft;
 * - `offers`: one choice among offers (three ad-space bids), an owners' ordinary matter where the core
 *   accepts it for a single choice, else the participation rule;
 * - `design`: a design consultation by approval (score or ranked chosen in the form);
 * - `election`: a role's election by the role's building's households, plurality for one seat, STV for
 *   several — the winners are seated by `role.appointFromMotion` once it closes;
 * - `fund`: a participatory budget of the households: costed projects approved by ticking, the
 *   selection at close by Equal Shares unless greedy is chosen; a participation rule, as the count
 *   (the budget's rule) picks what is funded;
 * - `custom`: a plain proposal to fill in.
 * The rule is always one the core accepts for the kind and basis (`rulePresetsFor`).
 */
export function templateDraft(template: TemplateId, ctx: TemplateContext): WizardDraft {
  const d = base(template, ctx);
  switch (template) {
    case 'elevator': {
      const scope = firstScope(ctx, 'stairwell');
      const mustConsent = groundFloorUnits(ctx.community, scope);
      return { ...d, basis: 'owners', rule: 'civilCode278.major', scope, mustConsent };
    }
    case 'convention':
      return fitRule({ ...d, scope: firstScope(ctx, 'building'), residentAmendments: true }, [
        'simpleMajority',
      ]);
    case 'offers':
      // The base's simple majority also fits a pick-one vote; owners choosing a lessee is an Art. 278 matter.
      return fitRule(
        {
          ...d,
          kind: 'single',
          basis: 'owners',
          rule: 'civilCode278.ordinary',
          options: optionsOf(ctx.words.options),
        },
        ['civilCode278.participation'],
      );
    case 'design':
      return fitRule({ ...d, kind: 'approval', options: optionsOf(ctx.words.options) }, [
        'simpleMajority',
        'twoThirdsTurnout',
      ]);
    case 'election':
      return electionDraft(d, ctx, ctx.roles[0]?.id);
    case 'fund':
      return fitRule(
        {
          ...d,
          kind: 'approval',
          scope: firstScope(ctx, 'building'),
          options: optionsOf(ctx.words.options),
          fund: { amount: '', selection: 'equalShares', costs: {} },
        },
        ['twoThirdsTurnout', 'simpleMajority'],
      );
    case 'custom':
      return d;
  }
}

/** The election template for `roleId`: its building, its seats (STV when more than one). */
export function electionDraft(d: WizardDraft, ctx: TemplateContext, roleId: string | undefined): WizardDraft {
  const role = ctx.roles.find((r) => r.id === roleId);
  const scope: Scope = role ? { kind: 'building', id: role.buildingId } : firstScope(ctx, 'building');
  const seats = role?.seats ?? 1;
  const counted: WizardDraft =
    seats > 1
      ? { ...d, kind: 'ranked', method: 'stv', seats }
      : (({ method: _m, seats: _s, ...rest }) => ({ ...rest, kind: 'single' as const }))(d);
  return fitRule(
    {
      ...counted,
      template: 'election',
      scope,
      basis: 'households',
      options: d.template === 'election' && d.options.length > 0 ? d.options : optionsOf(ctx.words.options),
      ...(role ? { roleId: role.id } : {}),
    },
    ['simpleMajority', 'twoThirdsTurnout'],
  );
}
