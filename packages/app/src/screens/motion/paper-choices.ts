import type { Locale, Motion } from '@linli/core';

/** One answer a paper ballot can carry, with the `ballot.cast` field that records it. */
export interface PaperChoice {
  readonly label: Readonly<Record<Locale, string>>;
  readonly fields: { readonly vote: 'yes' | 'no' | 'abstain' | 'block' } | { readonly option: string };
}

export const answers = {
  yes: { 'zh-CN': '同意', en: 'Yes' },
  no: { 'zh-CN': '反对', en: 'No' },
  abstain: { 'zh-CN': '弃权', en: 'Abstain' },
  block: { 'zh-CN': '坚决反对（否决）', en: 'Block' },
} as const;

/**
 * The answers a paper form of `motion` offers, in the order keys 1–9 pick them: yes / no / abstain (and
 * block where the motion allows it) for a proposal, each option for a single choice. Other kinds
 * (approval, score, ranked, dot) carry more than one mark per paper and are not entered here: `[]`.
 */
export function paperChoices(motion: Pick<Motion, 'kind' | 'options' | 'allowBlock'>): PaperChoice[] {
  if (motion.kind === 'proposal') {
    const votes = motion.allowBlock
      ? (['yes', 'no', 'abstain', 'block'] as const)
      : (['yes', 'no', 'abstain'] as const);
    return votes.map((vote) => ({ label: answers[vote], fields: { vote } }));
  }
  if (motion.kind === 'single')
    return motion.options.map((o) => ({
      label: { 'zh-CN': o.label, en: o.label },
      fields: { option: o.id },
    }));
  return [];
}
