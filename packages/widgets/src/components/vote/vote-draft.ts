import type { Ballot, Motion } from '@linli/core';
import { type DotDraft, emptyDotDraft } from './dot-ballot.js';

/** A ballot being filled in, by option id. */
export type Draft =
  | { kind: 'proposal'; vote: string | null }
  | { kind: 'single'; option: string | null }
  | { kind: 'approval'; options: Set<string> }
  | { kind: 'score'; scores: Map<string, number> }
  | { kind: 'ranked'; ranking: string[] }
  | DotDraft;

/** A blank form for the motion's kind. */
export function emptyDraft(m: Motion): Draft {
  switch (m.kind) {
    case 'proposal':
      return { kind: 'proposal', vote: null };
    case 'single':
      return { kind: 'single', option: null };
    case 'approval':
      return { kind: 'approval', options: new Set() };
    case 'score':
      return { kind: 'score', scores: new Map(m.options.map((o) => [o.id, 0])) };
    case 'ranked':
      return { kind: 'ranked', ranking: m.options.map((o) => o.id) };
    case 'dot':
      return emptyDotDraft(m);
  }
}

/**
 * The form filled in as the household's live ballot stands, so the choice it made shows ticked (the
 * core keeps choices as option indexes; the form works by option id). A blank form without a ballot.
 */
export function draftOf(m: Motion, ballot: Ballot | undefined): Draft {
  if (!ballot) return emptyDraft(m);
  const id = (i: number) => m.options[i]?.id ?? String(i);
  const c = ballot.choice;
  switch (c.kind) {
    case 'proposal':
      return { kind: 'proposal', vote: c.vote };
    case 'single':
      return { kind: 'single', option: id(c.option) };
    case 'approval':
      return { kind: 'approval', options: new Set(c.options.map(id)) };
    case 'score':
      return { kind: 'score', scores: new Map(c.scores.map((s, i) => [id(i), s])) };
    case 'ranked': {
      // Options the ballot left unranked follow in the motion's order.
      const ranked = c.ranking.map(id);
      return {
        kind: 'ranked',
        ranking: [...ranked, ...m.options.map((o) => o.id).filter((o) => !ranked.includes(o))],
      };
    }
    case 'dot':
      return { kind: 'dot', points: new Map(c.points.map((p, i) => [id(i), p])) };
  }
}

/** The `ballot.cast` field a draft fills in; none while a single answer is still unchosen. */
export function fieldsOf(draft: Draft): Record<string, unknown> {
  switch (draft.kind) {
    case 'proposal':
      return draft.vote === null ? {} : { vote: draft.vote };
    case 'single':
      return draft.option === null ? {} : { option: draft.option };
    case 'approval':
      return { options: [...draft.options] };
    case 'score':
      return { scores: Object.fromEntries(draft.scores) };
    case 'ranked':
      return { ranking: draft.ranking };
    case 'dot':
      return { points: Object.fromEntries(draft.points) };
  }
}
