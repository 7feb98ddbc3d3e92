/**
 * startup: from spawning the loopback host on the seeded database to the first queue row visible
 * in Chromium (signing in as the demo supervisor when the app asks). The browser is launched
 * once beforehand: what is timed is the app's start — the process, opening the database, the
 * server, the page, sign-in, the first queue page — not Chromium's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../main/backend/demo/demo';
import type { BenchContext, Figure } from './context';
import { measure } from './measure';

const CHROMIUM = process.env.CASEDESK_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

interface Host {
  child: ChildProcess;
  url: string;
}

function startHost(ctx: BenchContext, extra: string[]): Promise<Host> {
  const launch = path.join(ctx.root, 'dist', 'launch.cjs');
  if (!fs.existsSync(launch)) throw new Error(`startup: ${launch} is missing; run "node scripts/build.mjs" first`);
  const child = spawn(process.execPath, [launch, '--host', '--data-dir', ctx.dataDir, '--no-open', ...extra], {
    cwd: ctx.root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise<Host>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`startup: the host did not start within 60 s:\n${out}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /CaseDesk is serving at (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new HostExit(code, out));
    });
  });
}

class HostExit extends Error {
  constructor(
    readonly code: number | null,
    readonly output: string,
  ) {
    super(`startup: the host exited with code ${code}:\n${output}`);
  }
}

async function stopHost(host: Host): Promise<void> {
  if (host.child.exitCode !== null) return;
  const exited = new Promise((r) => host.child.once('exit', r));
  host.child.kill('SIGTERM');
  await exited;
}

/** Flags the host accepts for an unencrypted database: `--plain` where it exists (usage error otherwise). */
async function hostFlags(ctx: BenchContext): Promise<string[]> {
  try {
    const host = await startHost(ctx, ['--plain']);
    await stopHost(host);
    return ['--plain'];
  } catch (err) {
    if (err instanceof HostExit && err.code === 2) return [];
    throw err;
  }
}

/** Times spawn → queue row; leaves the page and host to `cleanup` (untimed). */
async function oneStart(ctx: BenchContext, page: Page, flags: string[], started: Host[]): Promise<void> {
  const host = await startHost(ctx, flags);
  started.push(host);
  await page.goto(host.url);
  const row = page.locator('[data-testid="queue-row"]').first();
  const password = page.locator('[data-testid="auth-password"]');
  await row.or(password).first().waitFor({ state: 'visible', timeout: 60_000 });
  if (await password.isVisible()) {
    await page.locator('[data-testid="auth-username"]').fill('wang.fang');
    await password.fill(DEMO_PASSWORD);
    await page.locator('[data-testid="auth-submit"]').click();
    await row.waitFor({ state: 'visible', timeout: 60_000 });
  }
}

export async function benchStartup(ctx: BenchContext): Promise<Figure> {
  const flags = await hostFlags(ctx);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  let page: Page | undefined;
  const started: Host[] = [];
  const cleanup = async () => {
    await page?.close();
    page = undefined;
    for (const host of started.splice(0)) await stopHost(host);
  };
  try {
    const t = await measure(
      'startup',
      () => {
        if (!page) throw new Error('startup: no page');
        return oneStart(ctx, page, flags, started);
      },
      {
        time: 0,
        iterations: ctx.sizes.startupRuns,
        warmupIterations: 1,
        async: true,
        beforeEach: async () => {
          page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        },
        afterEach: cleanup,
      },
    );
    return { ...t, unit: 'ms' };
  } finally {
    await cleanup();
    await browser.close();
  }
}
