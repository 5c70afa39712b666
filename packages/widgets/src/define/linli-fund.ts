import { LinliFund } from '../components/fund/fund.js';
import { defineElement } from '../internal/define.js';

defineElement('linli-fund', LinliFund);

declare global {
  interface HTMLElementTagNameMap {
    'linli-fund': LinliFund;
  }
}
