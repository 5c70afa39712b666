import { LinliBallotForm } from '../components/ballot-form/ballot-form.js';
import { defineElement } from '../internal/define.js';

defineElement('linli-ballot-form', LinliBallotForm);

declare global {
  interface HTMLElementTagNameMap {
    'linli-ballot-form': LinliBallotForm;
  }
}
