/**
 * startup: from spawning the loopback host on the seeded database to the first queue row visible
 * in Chromium (signing in as the demo supervisor when the app asks). The browser is launched
 * once beforehand: what is timed is the app's start — the process, opening the database, the
 * server, the page, sign-in, the first queue page — not Chromium's. Each run opens a new page (a
 * fresh browser context: no HTTP cache, and the host's port, hence origin, is new every start
 * anyway). The host's V8 code cache (dist/launch-app.cjs.v8cache, see main/host/code-cache.ts)
 * is written by the first start after a build — the flag probe or the warm-up — so the timed runs
 * are repeat starts, as a user's are; CASEDESK_CODE_CACHE=0 times cold compiles instead.
 * CASEDESK_TRACE=1 prints each run's host trace (milestones and requests, ms since the host
 * process started) to stderr.
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
  /** Everything the host printed so far. */
  output(): string;
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
        resolve({ child, url: m[1], output: () => out });
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
  if (process.env.CASEDESK_TRACE === '1') process.stderr.write(`[bench] startup host output:\n${host.output()}\n`);
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

const ROW = '[data-testid="queue-row"]';
const PASSWORD = '[data-testid="auth-password"]';

/**
 * Waits, inside the page, until one of `selectors` matches a visible element, checking on every
 * animation frame; returns the selector that matched. Playwright's own `locator.waitFor` re-checks
 * on a back-off (0, 20, 50, 100, 100, then every 500 ms), which adds up to half a second of waiting
 * that is not the app's to a start-up of about a second. Visible as Playwright means it: rendered
 * with a non-empty box and not hidden.
 */
async function waitVisible(page: Page, selectors: readonly string[], timeoutMs = 60_000): Promise<string> {
  return page.evaluate(
    ({ sels, timeoutMs }) =>
      new Promise<string>((resolve, reject) => {
        const deadline = performance.now() + timeoutMs;
        const check = () => {
          for (const sel of sels) {
            const el = document.querySelector(sel);
            if (el && el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().height > 0) {
              resolve(sel);
              return;
            }
          }
          if (performance.now() > deadline) reject(new Error(`startup: none of ${sels.join(', ')} became visible within ${timeoutMs} ms`));
          else requestAnimationFrame(check);
        };
        check();
      }),
    { sels: selectors, timeoutMs },
  );
}

/**
 * Times spawn → queue row; leaves the page and host to `cleanup` (untimed). Included: the Node
 * process start and bundle load, opening the database and boot work, the server listening, the
 * page and its assets, sign-in (typed by Playwright: fill + click, a few tens of ms, and the
 * password check at its full scrypt cost) and the first queue page rendered.
 */
async function oneStart(ctx: BenchContext, page: Page, flags: string[], started: Host[]): Promise<void> {
  const host = await startHost(ctx, flags);
  started.push(host);
  await page.goto(host.url);
  const first = await waitVisible(page, [ROW, PASSWORD]);
  if (first === PASSWORD) {
    await page.locator('[data-testid="auth-username"]').fill('wang.fang');
    await page.locator(PASSWORD).fill(DEMO_PASSWORD);
    await page.locator('[data-testid="auth-submit"]').click();
    await waitVisible(page, [ROW]);
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
