import { fundFields } from './fund-draft.js';
import type { WizardDraft } from './wizard-draft.js';

/**
 * The `motion.draft` command the form describes. Times typed in the reader's zone become ISO instants;
 * an empty or unreadable time is sent as written, so the core refuses it at its field. Fields the kind
 * does not use (options of a proposal, seats outside STV, must-consent units outside owners' matters)
 * are left out rather than sent for the core to refuse.
 */
export function draftCommand(d: WizardDraft): Record<string, unknown> {
  const choice = d.kind !== 'proposal';
  return {
    type: 'motion.draft',
    title: d.title.trim(),
    ...(d.body.trim() === '' ? {} : { body: d.body }),
    kind: d.kind,
    ...(d.kind === 'ranked' && d.method !== undefined ? { method: d.method } : {}),
    ...(d.kind === 'ranked' && d.method === 'stv' && d.seats !== undefined ? { seats: d.seats } : {}),
    ...(choice ? { options: d.options.map((o) => ({ id: o.id, label: o.label.trim() })) } : {}),
    ...(d.fund === undefined ? {} : fundFields(d.fund, d.options)),
    scope: d.scope,
    basis: d.basis,
    rule: d.rule,
    ...(d.basis === 'owners' && !choice && d.mustConsent.length > 0 ? { mustConsent: d.mustConsent } : {}),
    secrecy: d.secrecy,
    allowChange: d.allowChange,
    proxyCap: d.proxyCap,
    tieBreak: d.tieBreak,
    ...(d.opensAt === '' ? {} : { opensAt: instant(d.opensAt) }),
    closesAt: instant(d.closesAt),
    ...(d.kind === 'proposal' && d.residentAmendments === true ? { amendableBy: 'electorate' } : {}),
    ...(d.template === 'election' && d.roleId !== undefined ? { electsRole: d.roleId } : {}),
  };
}

/** A `datetime-local` value as an ISO instant; text that is no time is passed on for the core to refuse. */
export function instant(local: string): string {
  const ms = new Date(local).getTime();
  return Number.isNaN(ms) ? local : new Date(ms).toISOString();
}
