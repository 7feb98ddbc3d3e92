/** Finds the system Chromium (or Chrome) and opens the app in its app mode, with its own profile. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env.CASEDESK_CHROMIUM;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((c) => fs.existsSync(c)) ?? null;
}

export function openAppWindow(executable: string, appUrl: string, dataDir: string): ChildProcess {
  const profile = path.join(dataDir, 'chromium-profile');
  fs.mkdirSync(profile, { recursive: true });
  const child = spawn(
    executable,
    [`--app=${appUrl}`, `--user-data-dir=${profile}`, '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--window-size=1400,900'],
    { stdio: 'ignore', detached: false },
  );
  return child;
}
