/**
 * @linli/widgets — Lit custom elements for Linli. Importing this module registers nothing: import
 * `@linli/widgets/define/<tag>.js` for one element or `@linli/widgets/all.js` for every element.
 *
 * @packageDocumentation
 */

// Re-exported so a page using only the CDN bundle can show a published view it already holds.
export { viewGovernance } from '@linli/core';
export { LinliFund } from './components/fund/fund.js';
export { LinliLiveStatus } from './components/live-status/live-status.js';
export { LinliMoney } from './components/money/money.js';
export { LinliMotionList } from './components/motion-list/motion-list.js';
export { LinliRoles } from './components/roles/roles.js';
export { LinliRoster } from './components/roster/roster.js';
export { LinliSignIn } from './components/sign-in/sign-in.js';
export { LinliVote } from './components/vote/vote.js';
export type {
  LinliBallotCastDetail,
  LinliEventMap,
  LinliMotionSelectDetail,
  LinliSignedInDetail,
  LinliSwapRequestedDetail,
} from './events.js';
export {
  type EndpointSession,
  endpointSession,
  forgetSession,
  type SignInAnswer,
  sessionKey,
  signInAt,
} from './internal/endpoint-session.js';
export { LocaleController } from './internal/locale-controller.js';
