/**
 * @linli/widgets/organizer — the organizer's printed elements: the result notice (公示) and the
 * paper ballot form. Importing this module registers both. They live apart from `all.js` so that the
 * residents' bundle does not carry them; the CDN file `cdn/linli-organizer.js` is this module with
 * its dependencies inlined.
 *
 * @packageDocumentation
 */
import './define/linli-result-notice.js';
import './define/linli-ballot-form.js';

export { LinliBallotForm } from './components/ballot-form/ballot-form.js';
export { LinliResultNotice } from './components/result-notice/result-notice.js';
