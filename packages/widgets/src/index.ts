/**
 * @linli/widgets — Lit custom elements for Linli. Importing this module registers nothing: import
 * `@linli/widgets/define/<tag>.js` for one element or `@linli/widgets/all.js` for every element.
 *
 * @packageDocumentation
 */
export { LinliMoney } from './components/money/money.js';
export { LinliVote } from './components/vote/vote.js';
export { LocaleController } from './internal/locale-controller.js';
