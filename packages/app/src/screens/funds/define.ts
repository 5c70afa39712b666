// The fund screens, in the organizer's lazy chunk.
import { FundScreen } from './fund-screen.js';
import { FundsScreen } from './funds-screen.js';
import { ReceiptScreen } from './receipt-screen.js';
import { StatementScreen } from './statement-screen.js';

if (!customElements.get('linli-funds-screen')) customElements.define('linli-funds-screen', FundsScreen);
if (!customElements.get('linli-fund-screen')) customElements.define('linli-fund-screen', FundScreen);
if (!customElements.get('linli-receipt-screen')) customElements.define('linli-receipt-screen', ReceiptScreen);
if (!customElements.get('linli-statement-screen'))
  customElements.define('linli-statement-screen', StatementScreen);

declare global {
  interface HTMLElementTagNameMap {
    'linli-funds-screen': FundsScreen;
    'linli-fund-screen': FundScreen;
    'linli-receipt-screen': ReceiptScreen;
    'linli-statement-screen': StatementScreen;
  }
}
