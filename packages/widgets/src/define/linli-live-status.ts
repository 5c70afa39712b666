import { LinliLiveStatus } from '../components/live-status/live-status.js';
import { defineElement } from '../internal/define.js';

defineElement('linli-live-status', LinliLiveStatus);

declare global {
  interface HTMLElementTagNameMap {
    'linli-live-status': LinliLiveStatus;
  }
}
