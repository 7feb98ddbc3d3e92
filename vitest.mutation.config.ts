/**
 * The tests Stryker runs against each mutant (npm run mutation). CASEDESK_MUTATION_SCOPE=contacts
 * selects the backend tests of contact logging (real SQLite, slow per mutant); otherwise the engine's
 * and the language check's unit tests. Not part of `npm test`.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include:
      process.env.CASEDESK_MUTATION_SCOPE === 'contacts'
        ? ['test/integration/guardrails-refusals.test.ts', 'test/integration/backend/api.test.ts']
        : ['test/unit/guardrails/**/*.test.ts', 'test/unit/lint/**/*.test.ts', 'test/unit/templates/**/*.test.ts', 'test/integration/cli-guardrails.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    allowOnly: false,
  },
});
