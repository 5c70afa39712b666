import type { Locale } from '../i18n/locale.js';
import type { Ballot, Motion } from './motion.js';

const answers = {
  yes: { 'zh-CN': '同意', en: 'yes' },
  no: { 'zh-CN': '反对', en: 'no' },
  abstain: { 'zh-CN': '弃权', en: 'abstain' },
  block: { 'zh-CN': '否决', en: 'block' },
} as const;

/**
 * A ballot's answer in words, with the options' labels: "方案甲 > 方案丙", "方案甲=5; 方案乙=1". A
 * proposal's answer is in `locale`, or in both languages ("同意 yes") when none is given (a CSV file
 * read by either).
 */
export function ballotChoiceText(motion: Motion, choice: Ballot['choice'], locale?: Locale): string {
  const label = (i: number) => motion.options[i]?.label ?? String(i);
  const weighed = (values: readonly number[]) => values.map((v, i) => `${label(i)}=${v}`).join('; ');
  switch (choice.kind) {
    case 'proposal': {
      const words = answers[choice.vote];
      return locale ? words[locale] : `${words['zh-CN']} ${words.en}`;
    }
    case 'single':
      return label(choice.option);
    case 'approval':
      return choice.options.map(label).join('; ');
    case 'ranked':
      return choice.ranking.map(label).join(' > ');
    case 'score':
      return weighed(choice.scores);
    case 'dot':
      return weighed(choice.points);
  }
}
