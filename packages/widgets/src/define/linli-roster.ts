import { LinliRoster } from '../components/roster/roster.js';
import { defineElement } from '../internal/define.js';

defineElement('linli-roster', LinliRoster);

declare global {
  interface HTMLElementTagNameMap {
    'linli-roster': LinliRoster;
  }
}
