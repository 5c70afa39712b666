import { LinliMoney } from '../components/money/money.js';
import { defineElement } from '../internal/define.js';

defineElement('linli-money', LinliMoney);

declare global {
  interface HTMLElementTagNameMap {
    'linli-money': LinliMoney;
  }
}
