import { LinliRegisterImport } from './register-import.ts';

// Registered once: the page shell and the stand-in register page both import this.
if (!customElements.get('linli-register-import'))
  customElements.define('linli-register-import', LinliRegisterImport);

declare global {
  interface HTMLElementTagNameMap {
    'linli-register-import': LinliRegisterImport;
  }
}
