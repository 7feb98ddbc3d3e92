/**
 * Launching the real Electron app for the Playwright `electron` project. Where no Electron binary
 * exists (this build machine), `canRunElectron()` says why so the project can report "did not run".
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinaryStatus } from '../../../main/electron/detect';
import { DEV_NATIVE_BINDING } from '../../../main/electron/paths';

const projectRoot = path.resolve(process.cwd());
const mainBundle = path.join(projectRoot, 'dist', 'electron', 'main.cjs');

export function canRunElectron(): { ok: boolean; reason?: string } {
  const status = electronBinaryStatus(projectRoot);
  if (!status.available) return { ok: false, reason: status.reason ?? 'no Electron binary' };
  if (!existsSync(mainBundle)) return { ok: false, reason: `${path.relative(projectRoot, mainBundle)} missing; run npm run build` };
  const binding = path.join(projectRoot, ...DEV_NATIVE_BINDING);
  if (!existsSync(binding)) {
    return { ok: false, reason: `better-sqlite3 for Electron missing (${path.relative(projectRoot, binding)}); run node scripts/rebuild-electron.mjs` };
  }
  return { ok: true };
}

export interface LaunchedApp {
  app: ElectronApplication;
  window: Page;
}

/**
 * Starts CaseDesk in test mode on its own data directory (the app refuses test mode without one).
 * Same security settings as production: nothing is relaxed for tests.
 */
export async function launchElectronApp(dataDir: string): Promise<LaunchedApp> {
  const status = electronBinaryStatus(projectRoot);
  if (!status.available || !status.path) throw new Error(`cannot launch Electron: ${status.reason ?? 'unknown'}`);
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  env.CASEDESK_TEST = '1';
  const passphraseFile = path.join(dataDir, 'test-passphrase.txt');
  writeFileSync(passphraseFile, 'e2e workstation passphrase\n', { mode: 0o600 });
  env.CASEDESK_PASSPHRASE_FILE = passphraseFile;
  // Passing executablePath keeps Playwright from `require('electron')`, which would try to download.
  const app = await electron.launch({
    executablePath: status.path,
    // The demo databases the specs copy are --plain; a passphrase file protects the signing key.
    args: [projectRoot, '--data-dir', dataDir, '--plain'],
    cwd: projectRoot,
    env,
  });
  const window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
  return { app, window };
}
