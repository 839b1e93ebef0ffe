import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'knowledge/**/*.test.ts', 'evals/**/*.test.ts', 'prompts/**/*.test.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
