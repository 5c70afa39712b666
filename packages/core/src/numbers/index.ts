export * from './area';
export * from './fraction';
export * from './hundredths';
export * from './money';
