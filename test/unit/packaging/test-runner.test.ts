/**
 * `npm test` (scripts/test.mjs) tells the truth: an unknown step name is refused with exit 2 before
 * anything runs, and `.only` cannot silently narrow a run (vitest allowOnly: false, Playwright forbidOnly).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..', '..');

describe('scripts/test.mjs', () => {
  for (const args of [['units'], ['unit', 'e2ee'], ['nonsense']]) {
    it(`refuses ${args.join(' ')} with exit 2, naming the known steps`, () => {
      const r = spawnSync(process.execPath, ['scripts/test.mjs', ...args], { cwd: root, encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/unknown step/);
      expect(r.stderr).toContain('build, typecheck, lint, unit, e2e');
      expect(r.stdout).not.toMatch(/===/); // no step ran
    });
  }

  it('prints skipped tests in its tally line', () => {
    const text = fs.readFileSync(path.join(root, 'scripts/test.mjs'), 'utf8');
    expect(text).toContain('${passed} passed, ${failed} failed, ${skipped} skipped');
    expect(text).toContain('numPendingTests');
  });

  it('.only fails the run in vitest and Playwright', () => {
    expect(fs.readFileSync(path.join(root, 'vitest.config.ts'), 'utf8')).toMatch(/allowOnly: false/);
    expect(fs.readFileSync(path.join(root, 'playwright.config.ts'), 'utf8')).toMatch(/forbidOnly: true/);
  });

  it('no test returns early on a missing tool: they use it.skipIf(missing(…)) instead', () => {
    const files = spawnSync('git', ['ls-files', 'test'], { cwd: root, encoding: 'utf8' }).stdout.split('\n').filter((f) => /\.(spec|test)\.ts$/.test(f));
    for (const f of files) {
      const text = fs.readFileSync(path.join(root, f), 'utf8');
      expect(text, f).not.toMatch(/is not installed[^\n]*\n\s*return;/);
    }
  });
});
