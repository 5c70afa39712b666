// The printed pages' screens, in the organizer's lazy chunk.
import { BallotsScreen } from './ballots-screen.js';
import { NoticeScreen } from './notice-screen.js';
import { ResultScreen } from './result-screen.js';

if (!customElements.get('linli-notice-screen')) customElements.define('linli-notice-screen', NoticeScreen);
if (!customElements.get('linli-ballots-screen')) customElements.define('linli-ballots-screen', BallotsScreen);
if (!customElements.get('linli-result-screen')) customElements.define('linli-result-screen', ResultScreen);

declare global {
  interface HTMLElementTagNameMap {
    'linli-notice-screen': NoticeScreen;
    'linli-ballots-screen': BallotsScreen;
    'linli-result-screen': ResultScreen;
  }
}
