// `npm run mutation`: Stryker over the guardrail engine, the language check and the contact-logging
// service (stryker.config.json), then one line with the score. Slow (hours for the whole scope on two
// cores); never part of `npm test`. Arguments: --mutate GLOB (repeatable) narrows the scope, e.g.
//   npm run mutation -- --mutate 'common/domain/guardrails/rules/cn-frequency.ts'
// StrykerJS 10's command line refuses Node < 22 (our engines allow 20.19); this script drives Stryker
// through its API module with the same config file, which runs on the Node 20 we have.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The package's index imports its command line, whose version guard throws on Node 20: load the API module itself.
const { Stryker } = await import(pathToFileURL(path.join(root, 'node_modules/@stryker-mutator/core/dist/src/stryker.js')).href);
process.chdir(root);
const config = JSON.parse(readFileSync(path.join(root, 'stryker.config.json'), 'utf8'));
const args = process.argv.slice(2);
const mutate = [];
let scope = 'engine';
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--mutate' && args[i + 1]) mutate.push(args[++i]);
  else if (args[i] === '--scope' && (args[i + 1] === 'engine' || args[i + 1] === 'contacts')) scope = args[++i];
  else {
    console.error(`mutation: unknown argument ${args[i]} (use --scope engine|contacts, --mutate GLOB)`);
    process.exit(2);
  }
}
// The contact-logging service is mutated against the backend tests (vitest.mutation.config.ts reads the scope).
process.env.CASEDESK_MUTATION_SCOPE = scope;
if (scope === 'contacts' && mutate.length === 0) mutate.push('main/backend/services/contacts.ts');
if (mutate.length > 0) config.mutate = mutate;
const results = await new Stryker({ configFile: 'stryker.config.json', ...(mutate.length > 0 ? { mutate } : {}), ...(scope === 'contacts' ? { jsonReporter: { fileName: 'reports/mutation/contacts.json' } } : {}) }).runMutationTest();
const counts = {};
for (const m of results) counts[m.status] = (counts[m.status] ?? 0) + 1;
const killed = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
const valid = killed + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
const score = valid === 0 ? 0 : (100 * killed) / valid;
const report = path.join(root, scope === 'contacts' ? 'reports/mutation/contacts.json' : 'reports/mutation/mutation.json');
console.log(
  `mutation score ${score.toFixed(1)}% over ${config.mutate.join(', ')}: ${killed} killed of ${valid} ` +
    `(${counts.Survived ?? 0} survived, ${counts.NoCoverage ?? 0} not covered, ${counts.CompileError ?? 0} compile errors, ${counts.Ignored ?? 0} ignored); target 80%` +
    (existsSync(report) ? `; report ${path.relative(root, report)}` : ''),
);
