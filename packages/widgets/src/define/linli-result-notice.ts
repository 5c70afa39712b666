import { LinliResultNotice } from '../components/result-notice/result-notice.js';
import { defineElement } from '../internal/define.js';

defineElement('linli-result-notice', LinliResultNotice);

declare global {
  interface HTMLElementTagNameMap {
    'linli-result-notice': LinliResultNotice;
  }
}
