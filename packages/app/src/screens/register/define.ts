import { LinliRegisterImport } from './register-import.ts';

// Registered once, whichever route table or test imports it first.
if (!customElements.get('linli-register-import'))
  customElements.define('linli-register-import', LinliRegisterImport);

declare global {
  interface HTMLElementTagNameMap {
    'linli-register-import': LinliRegisterImport;
  }
}
