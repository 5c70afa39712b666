// The printed pages' screens, in the organizer's lazy chunk (the public result page has its own: `src/result.ts`).
import { BallotsScreen } from './ballots-screen.js';
import { NoticeScreen } from './notice-screen.js';

if (!customElements.get('linli-notice-screen')) customElements.define('linli-notice-screen', NoticeScreen);
if (!customElements.get('linli-ballots-screen')) customElements.define('linli-ballots-screen', BallotsScreen);

declare global {
  interface HTMLElementTagNameMap {
    'linli-notice-screen': NoticeScreen;
    'linli-ballots-screen': BallotsScreen;
  }
}
