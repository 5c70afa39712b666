import { type BallotChoice, type LinliError, type Locale, linliError, type Motion } from '@linli/core';
import { answers } from './paper-choices.js';
import { normalizeRoom } from './room-lookup.js';

/**
 * How a paper form of a motion is entered: `choice` — one answer (yes/no/abstain, or one option);
 * `approval` — options ticked; `score` and `dot` — a number per option; `ranked` — the order typed.
 */
export type PaperMode = 'choice' | 'approval' | 'score' | 'ranked' | 'dot';

/** The marks typed for one paper, as the form holds them (strings as typed). */
export interface MarksInput {
  /** `approval`: whether option i is ticked. */
  readonly picked: readonly boolean[];
  /** `score` and `dot`: what was typed for option i (`''` = left blank). */
  readonly numbers: readonly string[];
  /** `ranked`: the options' numbers in the voter's order, e.g. `3 1 2`. */
  readonly order: string;
}

/** A problem with typed marks found before sending: its field, and the word (in `paper.strings`) that says it. */
export interface MarksProblem {
  readonly path: readonly string[];
  readonly key: 'notNumber' | 'noSuchOption';
  readonly params: Readonly<Record<string, string>>;
}

type Option = Motion['options'][number];

/** The mode a motion's paper forms are entered in. */
export function paperModeOf(motion: Pick<Motion, 'kind'>): PaperMode {
  return motion.kind === 'proposal' || motion.kind === 'single' ? 'choice' : motion.kind;
}

/** The options named by an order typed as their numbers (`3 1 2`, `3，1、2`, full-width digits too). */
export function parseOrder(
  typed: string,
  options: readonly Option[],
): { ok: true; ids: string[] } | { ok: false; typed: string } {
  const ids: string[] = [];
  for (const word of typed.split(/[\s,，、;；>]+/).filter((w) => w !== '')) {
    const n = /^\d+$/.test(normalizeRoom(word)) ? Number(normalizeRoom(word)) : Number.NaN;
    const option = options[n - 1];
    if (!option) return { ok: false, typed: word };
    ids.push(option.id);
  }
  return { ok: true, ids };
}

/** The numbers typed per option (blank ones left out), or the first that is not a whole number. */
function numbersByOption(
  field: 'scores' | 'points',
  options: readonly Option[],
  typed: readonly string[],
): { ok: true; values: Record<string, number> } | { ok: false; problem: MarksProblem } {
  const values: Record<string, number> = {};
  for (const [i, o] of options.entries()) {
    const text = normalizeRoom(typed[i] ?? '');
    if (text === '') continue;
    if (!/^\d{1,6}$/.test(text))
      return {
        ok: false,
        problem: {
          path: [field, o.id],
          key: 'notNumber',
          params: { option: o.label, typed: typed[i] ?? '' },
        },
      };
    values[o.id] = Number(text);
  }
  return { ok: true, values };
}

/**
 * The `ballot.cast` field the marks make for a motion of `mode`. Only what cannot be sent at all (a
 * word where a number goes, an option number that does not exist) is caught here; whether the marks
 * make a valid ballot (how many ticks, scores 0–5, the dot budget, a repeated option) is the core's
 * answer, shown as its typed error.
 */
export function marksFields(
  mode: Exclude<PaperMode, 'choice'>,
  options: readonly Option[],
  input: MarksInput,
): { ok: true; fields: Record<string, unknown> } | { ok: false; problem: MarksProblem } {
  switch (mode) {
    case 'approval':
      return { ok: true, fields: { options: options.filter((_, i) => input.picked[i]).map((o) => o.id) } };
    case 'ranked': {
      const order = parseOrder(input.order, options);
      if (order.ok) return { ok: true, fields: { ranking: order.ids } };
      const params = { typed: order.typed, n: String(options.length) };
      return { ok: false, problem: { path: ['ranking'], key: 'noSuchOption', params } };
    }
    case 'score':
    case 'dot': {
      const field = mode === 'score' ? 'scores' : 'points';
      const read = numbersByOption(field, options, input.numbers);
      return read.ok ? { ok: true, fields: { [field]: read.values } } : read;
    }
  }
}

/** A ballot in the options' words (a pending paper in the queue, a paper just entered). */
export function describeChoice(
  choice: BallotChoice,
  motion: Pick<Motion, 'options'>,
  locale: Locale,
): string {
  const label = (i: number) => motion.options[i]?.label ?? String(i + 1);
  const none = locale === 'zh-CN' ? '（无）' : '(none)';
  const list = (parts: string[], sep: string) => (parts.length === 0 ? none : parts.join(sep));
  const comma = locale === 'zh-CN' ? '、' : ', ';
  switch (choice.kind) {
    case 'proposal':
      return answers[choice.vote][locale];
    case 'single':
      return label(choice.option);
    case 'approval':
      return list(choice.options.map(label), comma);
    case 'ranked':
      return list(choice.ranking.map(label), ' > ');
    case 'score':
      return list(
        choice.scores.map((s, i) => `${label(i)} ${s}`),
        comma,
      );
    case 'dot':
      return list(
        choice.points.flatMap((p, i) => (p > 0 ? [`${label(i)} ${p}`] : [])),
        comma,
      );
  }
}

/** Typed marks in the options' words, as the list of papers entered this evening shows them. */
export function describeMarks(
  mode: Exclude<PaperMode, 'choice'>,
  motion: Pick<Motion, 'options'>,
  input: MarksInput,
  locale: Locale,
): string {
  const index = (id: string) => motion.options.findIndex((o) => o.id === id);
  const numbers = motion.options.map((_, i) => Number(normalizeRoom(input.numbers[i] ?? '')) || 0);
  const order = parseOrder(input.order, motion.options);
  const choice: BallotChoice =
    mode === 'approval'
      ? { kind: 'approval', options: motion.options.flatMap((_, i) => (input.picked[i] ? [i] : [])) }
      : mode === 'ranked'
        ? { kind: 'ranked', ranking: order.ok ? order.ids.map(index) : [] }
        : mode === 'score'
          ? { kind: 'score', scores: numbers }
          : { kind: 'dot', points: numbers };
  return describeChoice(choice, motion, locale);
}

/**
 * The core's refusal with the option ids it names (`id`, `missing`) as the options' labels: the same
 * typed error re-rendered from its code and params, so the words stay the core's.
 */
export function withOptionLabels(error: LinliError, motion: Pick<Motion, 'options'>): LinliError {
  const label = (id: string) => motion.options.find((o) => o.id === id)?.label ?? id;
  const params: Record<string, string | number> = { ...error.params };
  let renamed = false;
  if (typeof params.id === 'string' && motion.options.some((o) => o.id === params.id)) {
    params.id = label(params.id);
    renamed = true;
  }
  if (typeof params.missing === 'string') {
    params.missing = params.missing.split(', ').map(label).join(', ');
    renamed = true;
  }
  return renamed ? linliError(error.code, [...error.path], params) : error;
}
