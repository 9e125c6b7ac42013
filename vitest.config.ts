import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // The closing `N passed, N failed` line is what CI reads.
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
