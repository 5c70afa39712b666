export * from './allocate.js';
export * from './area.js';
export * from './chinese-capitals.js';
export * from './fraction.js';
export * from './hundredths.js';
export * from './money.js';
export * from './number-error.js';
