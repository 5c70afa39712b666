import { MemoryStore } from '@linli/core';
import { describe } from 'vitest';
import { storeConformance } from '../../test/conformance.js';

describe('MemoryStore (the same contract as the durable stores)', () => {
  storeConformance(async () => {
    const store = new MemoryStore();
    return async () => store;
  });
});
