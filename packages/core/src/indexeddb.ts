/**
 * `@linli/core/indexeddb` — the browser store. Kept out of the main entry so that Node users never
 * load DOM types or IndexedDB code.
 *
 * @packageDocumentation
 */
export { IndexedDbStore } from './log/indexeddb-store.js';
