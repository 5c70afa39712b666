import { describe } from 'vitest';
import { MemoryStore } from '../log/memory-store.js';
import { appendPlannedConformance } from './planned-append-conformance.js';
import { storeConformance } from './store-conformance.js';

describe('MemoryStore (the same contract as the durable stores)', () => {
  storeConformance(async () => {
    const store = new MemoryStore();
    return async () => store;
  });
  appendPlannedConformance(async () => {
    const store = new MemoryStore();
    return async () => store;
  });
});
