import { defineConfig } from 'vitest/config';

/** Unit and integration suites under Node; end-to-end suites run with Playwright. */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 20_000,
  },
});
