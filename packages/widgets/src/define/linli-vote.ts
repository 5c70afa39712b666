import { LinliVote } from '../components/vote/vote.js';
import { defineElement } from '../internal/define.js';

defineElement('linli-vote', LinliVote);

declare global {
  interface HTMLElementTagNameMap {
    'linli-vote': LinliVote;
  }
}
