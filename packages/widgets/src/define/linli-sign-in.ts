import { LinliSignIn } from '../components/sign-in/sign-in.js';
import { defineElement } from '../internal/define.js';

// Re-exported so that importing this module alone also types its event (the event maps in events.ts).
export type { LinliSignedInDetail } from '../events.js';

defineElement('linli-sign-in', LinliSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'linli-sign-in': LinliSignIn;
  }
}
