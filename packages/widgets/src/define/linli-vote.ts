import { LinliVote } from '../components/vote/vote.js';
import { defineElement } from '../internal/define.js';
// A card bound to a server shows the household's sign-in itself when the page holds no session.
import './linli-sign-in.js';

// Re-exported so that importing this module alone also types its event (the event maps in events.ts).
export type { LinliBallotCastDetail } from '../events.js';

defineElement('linli-vote', LinliVote);

declare global {
  interface HTMLElementTagNameMap {
    'linli-vote': LinliVote;
  }
}
