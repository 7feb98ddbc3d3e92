import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronBinaryStatus } from '../../../main/electron/detect';

let root: string;
const pkgDir = () => path.join(root, 'node_modules', 'electron');

function fakeProject({ pathTxt, binary }: { pathTxt?: string; binary?: { mode: number } }): void {
  mkdirSync(pkgDir(), { recursive: true });
  writeFileSync(path.join(root, 'package.json'), '{"name":"x"}');
  writeFileSync(path.join(pkgDir(), 'package.json'), '{"name":"electron","version":"45.5.0","main":"index.js"}');
  // A real index.js would try to download; detect must never require it.
  writeFileSync(path.join(pkgDir(), 'index.js'), 'throw new Error("detect must not require electron")');
  if (pathTxt !== undefined) writeFileSync(path.join(pkgDir(), 'path.txt'), pathTxt);
  if (binary) {
    mkdirSync(path.join(pkgDir(), 'dist'), { recursive: true });
    const file = path.join(pkgDir(), 'dist', 'electron');
    writeFileSync(file, '#!/bin/sh\n');
    chmodSync(file, binary.mode);
  }
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'casedesk-detect-'));
  delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('electronBinaryStatus', () => {
  it('says the package is missing', () => {
    writeFileSync(path.join(root, 'package.json'), '{}');
    expect(electronBinaryStatus(root)).toMatchObject({ available: false, reason: expect.stringContaining('not installed') });
  });

  it('says the binary was never downloaded, in one line', () => {
    fakeProject({});
    const status = electronBinaryStatus(root);
    expect(status.available).toBe(false);
    expect(status.reason).toMatch(/never downloaded/);
    expect(status.reason).not.toContain('\n');
  });

  it('says the binary file is missing', () => {
    fakeProject({ pathTxt: 'electron' });
    expect(electronBinaryStatus(root)).toMatchObject({ available: false, reason: expect.stringContaining('missing') });
  });

  it('says the binary is not executable (Windows has no execute bit)', () => {
    fakeProject({ pathTxt: 'electron', binary: { mode: 0o644 } });
    const expected = process.platform === 'win32' ? { available: true } : { available: false, reason: expect.stringContaining('not executable') };
    expect(electronBinaryStatus(root)).toMatchObject(expected);
  });

  it('finds an executable binary', () => {
    fakeProject({ pathTxt: 'electron', binary: { mode: 0o755 } });
    expect(electronBinaryStatus(root)).toEqual({ available: true, path: path.join(pkgDir(), 'dist', 'electron') });
  });

  it('answers for this checkout without side effects (here: no binary)', () => {
    const status = electronBinaryStatus(process.cwd());
    if (status.available) expect(status.path).toBeTruthy();
    else expect(status.reason).toMatch(/^[^\n]+$/);
  });
});
