// Registers every Linli element. The CDN bundle is this file with all dependencies inlined.
import './define/linli-money.js';
import './define/linli-motion-list.js';
import './define/linli-roster.js';
import './define/linli-fund.js';
import './define/linli-vote.js';
import './define/linli-roles.js';
import './define/linli-live-status.js';
import './define/linli-sign-in.js';

export * from './index.js';
