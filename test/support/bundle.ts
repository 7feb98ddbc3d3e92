/**
 * TypeScript entries bundled with esbuild for child-process tests, into dist/test-bundles/ of this
 * checkout (git-ignored; node_modules beside it resolves the native modules left external).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(__dirname, '../..');

export async function bundleEntry(entry: string, name: string): Promise<string> {
  const out = join(ROOT, 'dist', 'test-bundles');
  mkdirSync(out, { recursive: true });
  const outfile = join(out, `${name}-${process.pid}.cjs`);
  await build({
    entryPoints: [join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'pdfkit', 'electron'],
    logLevel: 'silent',
  });
  return outfile;
}
