import type { Bilingual } from '../explain.js';
import type { CountedTally } from './method.js';

/** How a method names its figure: "5 票" / "5 votes". */
export interface FigureWords {
  readonly 'zh-CN': string;
  readonly one: string;
  readonly many: string;
}

/** Votes, for methods that count ballots. */
export const votesWords: FigureWords = { 'zh-CN': '票', one: 'vote', many: 'votes' };

/**
 * A count in plain words: the method's name, each option's figure, then who is ahead, the tie, or the
 * lottery's pick. E.g. "Dot vote (10 points each): Lift 23 points, Bikes 17 points; ahead: Lift".
 */
export function standingsLine(count: CountedTally, method: Bilingual, words: FigureWords): Bilingual {
  const figures = count.options.map((o) => ({
    'zh-CN': `${o.label} ${o.votes} ${words['zh-CN']}`,
    en: `${o.label} ${o.votes} ${o.votes === 1 ? words.one : words.many}`,
  }));
  const label = (id: string) => count.options.find((o) => o.id === id)?.label ?? id;
  const names = count.winners.map(label);
  let zh: string;
  let en: string;
  if (names.length === 0) {
    zh = '尚无选项得分';
    en = 'no option has any support';
  } else if (count.outcome === 'tied') {
    zh = `${names.join('、')} 平票`;
    en = `${names.join(' and ')} tie`;
  } else if (count.lottery) {
    zh = `平票，抽签决定：${names.join('、')}`;
    en = `tied, drawn by lot: ${names.join(', ')}`;
  } else {
    zh = `领先：${names.join('、')}`;
    en = `ahead: ${names.join(', ')}`;
  }
  return {
    'zh-CN': `${method['zh-CN']}：${figures.map((f) => f['zh-CN']).join('、')}；${zh}`,
    en: `${method.en}: ${figures.map((f) => f.en).join(', ')}; ${en}`,
  };
}
