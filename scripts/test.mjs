// `npm test`: build, typecheck, lint, unit + integration (vitest), e2e (Playwright), in that order.
// Every step runs even when an earlier one fails, so one run shows everything that is wrong. The
// last line is the tally CI reads: "N passed, N failed, N skipped" (tests, plus any failed non-test
// step; skipped tests — e.g. those needing openssl or pdftotext where it is missing — are counted,
// never passed). An unknown step name is refused with exit code 2.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`

const steps = [
  { name: 'build', cmd: ['node', 'scripts/build.mjs', '--quiet'] },
  { name: 'typecheck', cmd: ['npx', 'tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'lint', cmd: ['npx', 'eslint', '.', '--max-warnings=0'] },
  { name: 'unit', cmd: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(results, 'vitest.json')}`] },
  { name: 'e2e', cmd: ['npx', 'playwright', 'test'], env: { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(results, 'playwright.json') }, extra: ['--reporter=list,json'] },
];

const unknown = only.filter((name) => !steps.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(`unknown step${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}; the steps are ${steps.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;
const failedSteps = [];
for (const step of steps) {
  if (only.length > 0 && !only.includes(step.name)) continue;
  console.log(`\n=== ${step.name} ===`);
  const [bin, ...args] = step.cmd;
  const r = spawnSync(bin, [...args, ...(step.extra ?? [])], { cwd: root, stdio: 'inherit', env: { ...process.env, ...(step.env ?? {}) } });
  const ok = r.status === 0;
  if (step.name === 'unit') {
    const file = path.join(results, 'vitest.json');
    if (existsSync(file)) {
      const j = JSON.parse(readFileSync(file, 'utf8'));
      passed += j.numPassedTests;
      failed += j.numFailedTests;
      skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
      if (!ok && j.numFailedTests === 0) failed += 1; // e.g. a suite failed to load
    } else if (!ok) failed += 1;
  } else if (step.name === 'e2e') {
    const file = path.join(results, 'playwright.json');
    if (existsSync(file)) {
      const s = JSON.parse(readFileSync(file, 'utf8')).stats;
      passed += s.expected + s.flaky;
      failed += s.unexpected;
      skipped += s.skipped ?? 0;
      if (!ok && s.unexpected === 0) failed += 1;
    } else if (!ok) failed += 1;
  } else if (!ok) {
    failed += 1;
  }
  if (!ok) failedSteps.push(step.name);
}
if (failedSteps.length > 0) console.log(`\nfailed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || failedSteps.length > 0 ? 1 : 0);
