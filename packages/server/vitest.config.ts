import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'server (node)',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Servers and databases in tests bind to 127.0.0.1 only.
    fileParallelism: false,
  },
});
