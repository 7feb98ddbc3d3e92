/**
 * The `app` fixture: a fresh copy of the demo agency in its own data directory, the real app
 * started on it, and a page showing it. Under the chromium-host project that is the loopback host
 * in Debian's Chromium; under the electron project, the Electron shell itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { launchElectronApp } from './electron-launch';
import { NOW_ENV, TEMPLATE_ENV } from './global-setup';
import { DEMO_PASSWORD } from '../../../main/backend/demo/password';

export interface RunningApp {
  page: Page;
  dataDir: string;
  /** Everything the app process wrote to stdout/stderr (for the PII scan). */
  output: () => string;
  /** Direct access to the API as the page sees it. */
  call: <T = unknown>(name: string, input?: unknown) => Promise<{ ok: boolean; value?: T; error?: { code: string; message: string } }>;
}

function freshDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casedesk-e2e-'));
  const template = process.env[TEMPLATE_ENV];
  if (!template) throw new Error(`${TEMPLATE_ENV} is not set: the global setup did not run`);
  fs.copyFileSync(template, path.join(dir, 'casedesk.sqlite'));
  // The demo was written --plain; the marker says so, so the app opens it as plain on purpose.
  const marker = path.join(path.dirname(template), 'PLAIN');
  if (fs.existsSync(marker)) fs.copyFileSync(marker, path.join(dir, 'PLAIN'));
  return dir;
}

async function startHostProcess(dataDir: string, extraArgs: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const now = process.env[NOW_ENV];
  if (!now) throw new Error(`${NOW_ENV} is not set: the global setup did not run`);
  // The demo database is --plain; a passphrase file still protects the workstation's signing key.
  const passphraseFile = path.join(dataDir, 'test-passphrase.txt');
  fs.writeFileSync(passphraseFile, 'e2e workstation passphrase\n', { mode: 0o600 });
  const child = spawn(process.execPath, ['dist/launch.cjs', '--host', '--plain', '--data-dir', dataDir, '--no-open', '--fake-now', now, ...extraArgs], {
    env: { ...process.env, CASEDESK_TEST: '1', CASEDESK_PASSPHRASE_FILE: passphraseFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start within 30 s:\n${log}`)), 30_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /CaseDesk is serving at (\S+)/.exec(log);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => {
      log += c.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${log}`));
    });
  });
  child.stdout?.on('data', (c: Buffer) => (log += c.toString()));
  return { child, url, output: () => log };
}

export const test = base.extend<{ app: RunningApp; hostArgs: string[]; signInAs: string }>({
  hostArgs: [[], { option: true }],
  signInAs: ['wang.fang', { option: true }],
  app: async ({ page, hostArgs, signInAs }, use, testInfo) => {
    const dataDir = freshDataDir();
    const isElectron = testInfo.project.name === 'electron';
    let teardown: () => Promise<void>;
    let appPage: Page;
    let output: () => string;
    if (isElectron) {
      const launched = await launchElectronApp(dataDir);
      appPage = launched.window;
      output = () => '';
      teardown = () => launched.app.close();
    } else {
      const host = await startHostProcess(dataDir, hostArgs);
      await page.goto(host.url);
      appPage = page;
      output = host.output;
      teardown = async () => {
        host.child.kill('SIGTERM');
        await new Promise((r) => host.child.once('exit', r));
      };
    }
    // Every launch starts signed out: sign in through the real form.
    await appPage.getByTestId('auth-username').fill(signInAs);
    await appPage.getByTestId('auth-password').fill(DEMO_PASSWORD);
    await appPage.getByTestId('auth-submit').click();
    await expect(appPage.getByTestId('queue')).toBeVisible();
    const call: RunningApp['call'] = (name, input) =>
      appPage.evaluate(
        async ([n, i]) => {
          const [ns, m] = (n as string).split('.') as [string, string];
          const api = (window as unknown as { casedesk: Record<string, Record<string, (x: unknown) => Promise<unknown>>> }).casedesk;
          return api[ns]?.[m]?.(i ?? {});
        },
        [name, input] as const,
      ) as never;
    await use({ page: appPage, dataDir, output, call });
    await teardown();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
