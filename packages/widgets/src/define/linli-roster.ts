import { LinliRoster } from '../components/roster/roster.js';
import { defineElement } from '../internal/define.js';

// Re-exported so that importing this module alone also types its event (the event maps in events.ts).
export type { LinliSwapRequestedDetail } from '../events.js';

defineElement('linli-roster', LinliRoster);

declare global {
  interface HTMLElementTagNameMap {
    'linli-roster': LinliRoster;
  }
}
