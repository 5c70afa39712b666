import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'core (node)',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
  },
});
