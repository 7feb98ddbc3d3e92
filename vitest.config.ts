import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'default', include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'] },
      },
      {
        // The lender's tests again, on a real PostgreSQL store (one throwaway cluster for the run).
        extends: true,
        test: {
          name: 'lender-postgres',
          include: ['test/integration/lender/**/*.test.ts'],
          globalSetup: ['test/support/pg-global-setup.ts'],
        },
      },
    ],
    // A committed .only would silently skip the rest of the suite.
    allowOnly: false,
  },
});
