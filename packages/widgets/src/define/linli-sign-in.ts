import { LinliSignIn } from '../components/sign-in/sign-in.js';
import { defineElement } from '../internal/define.js';

defineElement('linli-sign-in', LinliSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'linli-sign-in': LinliSignIn;
  }
}
