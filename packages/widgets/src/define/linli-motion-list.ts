import { LinliMotionList } from '../components/motion-list/motion-list.js';
import { defineElement } from '../internal/define.js';

defineElement('linli-motion-list', LinliMotionList);

declare global {
  interface HTMLElementTagNameMap {
    'linli-motion-list': LinliMotionList;
  }
}
