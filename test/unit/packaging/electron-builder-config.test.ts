import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

// js-yaml and ajv come with electron-builder; the schema is electron-builder's own.
const root = process.cwd();
const config = load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const schema = JSON.parse(readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;

describe('electron-builder.yml', () => {
  it("validates against electron-builder's JSON schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('catches a typo (the schema check is live)', () => {
    const validate = new Ajv({ strict: false, allowUnionTypes: true }).compile(schema);
    expect(validate({ ...config, electronFuses: { runAsNod: false } })).toBe(false);
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('packs into asar, unpacks native modules, ships the Electron build of better-sqlite3 and never rebuilds it', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.extraResources).toContainEqual({
      from: 'node_modules/better-sqlite3-multiple-ciphers/build-electron/Release/better_sqlite3.node',
      to: 'native/better_sqlite3.node',
    });
    expect(config.npmRebuild).toBe(false);
  });

  it('ships built output only', () => {
    const files = config.files as string[];
    expect(files).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
    const includes = files.filter((f) => !f.startsWith('!'));
    expect(includes.sort()).toEqual(['dist/**', 'package.json']);
    expect(files).toContain('!**/*.map');
  });

  it('identifies the app and targets every desktop', () => {
    expect(config).toMatchObject({ appId: 'com.casedesk.app', productName: 'CaseDesk', directories: { output: 'release' } });
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'] });
    expect(config.win).toMatchObject({ target: ['nsis'] });
    expect(config.mac).toMatchObject({ target: ['dmg'] });
  });

  it('matches where the shell looks for the binding when packaged', () => {
    const paths = readFileSync(path.join(root, 'main/electron/paths.ts'), 'utf8');
    expect(paths).toContain("path.join(input.resourcesPath, 'native', 'better_sqlite3.node')");
  });
});
