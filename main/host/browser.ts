/**
 * Finds the system Chromium (or Chrome) and opens the app in its app mode, with its own profile.
 * The window is pointed at a small owner-only file in the data folder that forwards it to the
 * host's one-time launch URL: the code is never in Chromium's arguments (which every local user can
 * read in `ps`), and the file is removed once the code is used or expired.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensurePrivateDir, writePrivateFile } from '../backend/private-files';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env.CASEDESK_CHROMIUM;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((c) => fs.existsSync(c)) ?? null;
}

/** An owner-only HTML file that forwards to `launchUrl`; remove it with the returned function. */
export function writeLaunchFile(dataDir: string, launchUrl: string): { file: string; remove: () => void } {
  const file = path.join(dataDir, `launch-${crypto.randomBytes(8).toString('hex')}.html`);
  const href = launchUrl.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  writePrivateFile(file, `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${href}"><title>CaseDesk</title>\n`);
  return { file, remove: () => fs.rmSync(file, { force: true }) };
}

export function openAppWindow(executable: string, launchFile: string, dataDir: string): ChildProcess {
  const profile = path.join(dataDir, 'chromium-profile');
  ensurePrivateDir(profile);
  const child = spawn(
    executable,
    [`--app=${pathToFileURL(launchFile).href}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--window-size=1400,900'],
    { stdio: 'ignore', detached: false },
  );
  // A missing or failing browser is not fatal: the URL is printed as well.
  child.on('error', () => undefined);
  return child;
}
