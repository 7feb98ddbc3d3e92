/**
 * The tests Stryker runs against each mutant (npm run mutation): the engine, the language check and
 * the contact-logging paths. Not part of `npm test`.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/unit/guardrails/**/*.test.ts',
      'test/unit/lint/**/*.test.ts',
      'test/unit/templates/**/*.test.ts',
      'test/integration/cli-guardrails.test.ts',
      'test/integration/guardrails-refusals.test.ts',
      'test/integration/backend/api.test.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    allowOnly: false,
  },
});
