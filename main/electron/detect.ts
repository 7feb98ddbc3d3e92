import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface ElectronBinaryStatus {
  available: boolean;
  path?: string;
  reason?: string;
}

/**
 * Whether an Electron binary can be launched from `projectRoot`. Reads node_modules/electron's
 * path.txt itself instead of `require('electron')`: since Electron 45 that require tries to
 * download the binary when it is missing, which hangs or fails on an offline machine.
 */
export function electronBinaryStatus(projectRoot: string = process.cwd()): ElectronBinaryStatus {
  let pkgDir: string;
  let version: string;
  try {
    const pkgJson = createRequire(path.join(projectRoot, 'package.json')).resolve('electron/package.json');
    pkgDir = path.dirname(pkgJson);
    version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return { available: false, reason: 'the electron package is not installed (npm install)' };
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!relative && !override) {
    return {
      available: false,
      reason: `Electron ${version} binary was never downloaded (no ${path.relative(projectRoot, pathFile)}); run \`npx install-electron\` where its release host is reachable`,
    };
  }
  const binary = override ? path.join(override, relative || 'electron') : path.join(pkgDir, 'dist', relative ?? '');
  if (!existsSync(binary) || !statSync(binary).isFile()) {
    return { available: false, path: binary, reason: `Electron binary missing at ${binary}` };
  }
  if (process.platform !== 'win32') {
    try {
      accessSync(binary, constants.X_OK);
    } catch {
      return { available: false, path: binary, reason: `Electron binary at ${binary} is not executable` };
    }
  }
  return { available: true, path: binary };
}
