import { LinliRoles } from '../components/roles/roles.js';
import { defineElement } from '../internal/define.js';

defineElement('linli-roles', LinliRoles);

declare global {
  interface HTMLElementTagNameMap {
    'linli-roles': LinliRoles;
  }
}
