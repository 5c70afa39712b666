/**
 * Registers `<linli-announcements>`. It is not in `all.js` (nor the residents' first-load CDN file
 * `linli.js`): a page that shows notices loads this file, or `cdn/linli-announcements.js`, itself.
 *
 * @packageDocumentation
 */
import { LinliAnnouncements } from '../components/announcements/announcements.js';
import { defineElement } from '../internal/define.js';

defineElement('linli-announcements', LinliAnnouncements);

export { LinliAnnouncements };

declare global {
  interface HTMLElementTagNameMap {
    'linli-announcements': LinliAnnouncements;
  }
}
