import { LinliMotionList } from '../components/motion-list/motion-list.js';
import { defineElement } from '../internal/define.js';

// Re-exported so that importing this module alone also types its event (the event maps in events.ts).
export type { LinliMotionSelectDetail } from '../events.js';

defineElement('linli-motion-list', LinliMotionList);

declare global {
  interface HTMLElementTagNameMap {
    'linli-motion-list': LinliMotionList;
  }
}
