/**
 * The loopback host as a real child process (test/integration/host/support/run-host.ts bundled
 * with esbuild) over a stand-in build folder, with raw HTTP helpers that set any Host or Origin.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { bundleEntry } from '../../../support/bundle';
import { tempDir } from '../../../support/backend';

export interface HostProcess {
  child: ChildProcess;
  dataDir: string;
  /** The line the host printed: http://127.0.0.1:PORT/… */
  url: string;
  port: number;
  stdout: () => string;
  stderr: () => string;
  alive: () => boolean;
  stop: () => Promise<void>;
}

let bundled: Promise<string> | undefined;

/** A build folder with a renderer page and a bridge, as the host needs them. */
export function fakeDist(): string {
  const dist = tempDir('casedesk-dist-');
  fs.mkdirSync(path.join(dist, 'renderer'));
  fs.mkdirSync(path.join(dist, 'host'));
  fs.writeFileSync(path.join(dist, 'renderer', 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  fs.writeFileSync(path.join(dist, 'host', 'bridge.js'), '/* bridge */');
  return dist;
}

export async function startHostProcess(opts: { flags?: string[]; env?: Record<string, string>; dataDir?: string } = {}): Promise<HostProcess> {
  bundled ??= bundleEntry('test/integration/host/support/run-host.ts', 'run-host');
  const file = await bundled;
  const dataDir = opts.dataDir ?? tempDir('casedesk-hostproc-');
  const dist = fakeDist();
  const child = spawn(process.execPath, [file, dist, '--data-dir', dataDir, ...(opts.flags ?? ['--plain', '--no-open'])], {
    env: { ...process.env, CASEDESK_TEST: '1', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in 30 s:\n${err}`)), 30_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /CaseDesk is serving at (\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${err}`));
    });
  });
  const port = Number(new URL(url).port);
  return {
    child,
    dataDir,
    url,
    port,
    stdout: () => out,
    stderr: () => err,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await gone;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(dist, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP request with any headers (fetch forbids setting Host). */
export function rawRequest(port: number, opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}
