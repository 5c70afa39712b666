import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'tarballs (node + chromium)',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 240_000,
  },
});
