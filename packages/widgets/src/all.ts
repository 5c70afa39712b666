// Registers every Linli element. The CDN bundle is this file with all dependencies inlined.
import './define/linli-money.js';

export * from './index.js';
