import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'server/**/*.test.ts',
      'knowledge/**/*.test.ts',
      'evals/**/*.test.ts',
      'prompts/**/*.test.ts',
      'widget/**/*.test.ts',
    ],
    testTimeout: 20_000,
    // Building the knowledge and launching Chromium take longer under CI's parallel load.
    hookTimeout: 60_000,
    pool: 'forks',
    // In CI a JSON report is written too, so .ci/run can print the plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
  },
});
