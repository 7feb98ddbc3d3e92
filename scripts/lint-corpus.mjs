// `npm run lint-corpus`: the language check measured on the labelled corpus (test/fixtures/lint-corpus):
// recall and precision per category and language, false positives on compliant text and approved
// templates; then the holiday calendars' horizon. `--verbose` lists every miss and false positive.
// Exit 1 when a target is missed (recall ≥ 95% per category and language, ≤ 2% false positives,
// no approved template flagged). The calendar horizon is reported, not a failure (see README).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'casedesk-lint-corpus-'));
const out = path.join(work, 'entry.cjs');
const entry = `
import { formatReport, scoreCorpus } from ${JSON.stringify(path.join(root, 'test/support/lint-corpus.ts'))};
import { bundledCalendars, calendarHorizon } from ${JSON.stringify(path.join(root, 'common/domain/guardrails/calendars'))};
export function run(verbose) {
  const r = scoreCorpus();
  const horizon = calendarHorizon(bundledCalendars(), new Date());
  return { text: formatReport(r, verbose), report: r, horizon };
}
`;
try {
  await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
    define: { __dirname: JSON.stringify(path.join(root, 'test/support')) },
  });
  const { run } = (await import(pathToFileURL(out).href)).default;
  const { text, report, horizon } = run(process.argv.includes('--verbose'));
  console.log(text);
  console.log('\nholiday calendar horizon (bundled):');
  for (const l of horizon) console.log(`  ${l.text}`);
  const fails = [
    ...report.rows.filter((r) => r.recall < 0.95).map((r) => `recall ${r.category}/${r.lang} below 95%`),
    ...(report.compliantFlagged.length / report.compliantTotal > 0.02 ? ['compliant false positives above 2%'] : []),
    ...(report.templatesFlagged.length > 0 ? ['an approved template is flagged'] : []),
  ];
  if (fails.length > 0) {
    console.log(`\nTARGETS MISSED: ${fails.join('; ')}`);
    process.exitCode = 1;
  } else console.log('\nall language-check targets met');
} finally {
  rmSync(work, { recursive: true, force: true });
}
