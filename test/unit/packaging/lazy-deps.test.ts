/**
 * The host bundle's lazily loaded dependencies (scripts/lazy-deps.mjs): bundled with the same
 * plugin, the real holiday and XLSX code works through the stand-ins, and neither package is loaded
 * before it is first used. Runs the bundle in a child process, so module loading is observed fresh.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build helper without types
import { LAZY_DEPENDENCIES, lazyDependencies } from '../../../scripts/lazy-deps.mjs';

const root = path.resolve(__dirname, '..', '..', '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-lazy-deps-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const ENTRY = `
import ExcelJS from 'exceljs';
import { holidayOn } from ${JSON.stringify(path.join(root, 'common/domain/guardrails/holidays'))};
const loaded = () => Object.keys(require.cache).filter((k) => /node_modules[\\\\/](exceljs|date-holidays)[\\\\/]/.test(k)).map((k) => k.includes('exceljs') ? 'exceljs' : 'date-holidays');
async function main() {
  const out = { before: [...new Set(loaded())] };
  const day = Date.UTC(2026, 6, 4) / 86400000;
  out.usJuly4 = holidayOn('us', day);
  out.cnNotLoading = holidayOn('cn', Date.UTC(2026, 0, 1) / 86400000);
  out.afterHolidays = [...new Set(loaded())];
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Cases').addRow(['CD-1', 1234.5]);
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf);
  out.cell = back.getWorksheet('Cases').getRow(1).values.slice(1);
  out.after = [...new Set(loaded())].sort();
  process.stdout.write(JSON.stringify(out));
}
main();
`;

describe('lazily loaded dependencies of the host bundle', () => {
  it('are only default-imported in the app code (what the stand-in provides)', () => {
    const files = spawnSync('git', ['ls-files', 'main', 'common', 'db'], { cwd: root, encoding: 'utf8' }).stdout.split('\n').filter((f) => /\.tsx?$/.test(f));
    for (const name of LAZY_DEPENDENCIES as string[]) {
      for (const f of files) {
        const text = fs.readFileSync(path.join(root, f), 'utf8');
        for (const m of text.matchAll(new RegExp(`^import\\s+(.+?)\\s+from\\s+'${name}';`, 'gm'))) {
          expect(m[1], `${f}: ${m[0]}`).toMatch(/^(type\s+)?[A-Za-z_$][\w$]*$/);
        }
      }
    }
  });

  it('work through the stand-in and load on first use only', async () => {
    const entry = path.join(work, 'entry.ts');
    fs.writeFileSync(entry, ENTRY);
    const out = path.join(work, 'bundle.cjs');
    await build({ entryPoints: [entry], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error', plugins: [lazyDependencies()] });
    const text = fs.readFileSync(out, 'utf8');
    expect(text).not.toMatch(/node_modules\/(exceljs|date-holidays)\//);
    const run = spawnSync(process.execPath, [out], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') } });
    expect(run.status, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(r.before).toEqual([]);
    expect(r.usJuly4).toEqual({ name: 'Independence Day' });
    expect(r.cnNotLoading).toMatchObject({ name: expect.stringContaining('元旦') });
    // Holiday calendars are bundled data now (common/domain/guardrails/calendars): no package is loaded for them.
    expect(r.afterHolidays).toEqual([]);
    expect(r.cell).toEqual(['CD-1', 1234.5]);
    expect(r.after).toEqual(['exceljs']);
  });

  it('the built host bundle carries neither package', () => {
    const bundle = path.join(root, 'dist', 'launch-app.cjs');
    expect(fs.existsSync(bundle), 'dist/launch-app.cjs (run node scripts/build.mjs)').toBe(true);
    const text = fs.readFileSync(bundle, 'utf8');
    expect(text).not.toMatch(/node_modules\/(exceljs|date-holidays)\//);
    expect(text).toContain('casedesk-lazy');
  });
});
