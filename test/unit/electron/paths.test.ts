import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFlag, resolveShellPaths } from '../../../main/electron/paths';

const base = { argv: ['electron', '.'], env: {}, isPackaged: false, userData: '/home/u/.config/CaseDesk', projectRoot: '/src/casedesk', resourcesPath: '/opt/CaseDesk/resources' };

describe('shell paths', () => {
  it('uses userData unless --data-dir is given', () => {
    expect(resolveShellPaths(base)).toMatchObject({ ok: true, paths: { dataDir: '/home/u/.config/CaseDesk', dataDirFromFlag: false } });
    expect(resolveShellPaths({ ...base, argv: ['electron', '.', '--data-dir=/tmp/x'] })).toMatchObject({
      ok: true,
      paths: { dataDir: '/tmp/x', dataDirFromFlag: true },
    });
  });

  it('in test mode refuses to run without --data-dir (also when it is empty)', () => {
    for (const argv of [['electron', '.'], ['electron', '.', '--data-dir'], ['electron', '.', '--data-dir=']]) {
      expect(resolveShellPaths({ ...base, argv, env: { CASEDESK_TEST: '1' } }).ok).toBe(false);
    }
  });

  it('finds the Electron build of better-sqlite3 in resources when packaged, in node_modules in development', () => {
    const packaged = resolveShellPaths({ ...base, isPackaged: true });
    const dev = resolveShellPaths(base);
    expect(packaged.ok && packaged.paths.nativeBinding).toBe(path.join('/opt/CaseDesk/resources', 'native', 'better_sqlite3.node'));
    expect(dev.ok && dev.paths.nativeBinding).toBe(
      path.join('/src/casedesk', 'node_modules', 'better-sqlite3-multiple-ciphers', 'build-electron', 'Release', 'better_sqlite3.node'),
    );
  });

  it('parses both flag spellings', () => {
    expect(dataDirFlag(['--data-dir', '/a'])).toBe('/a');
    expect(dataDirFlag(['--data-dir=/b'])).toBe('/b');
    expect(dataDirFlag(['--data-dirx=/c'])).toBeUndefined();
  });
});
