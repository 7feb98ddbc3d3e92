/**
 * The reference lender as a real child process (issue 16, items 1 and 4): an unauthenticated
 * 60 MiB upload is refused from its headers and the connection closed, so the lender's peak memory
 * barely moves; a body over a route's limit is refused from its Content-Length; signed requests are
 * rate-limited per workstation; and a few thousand malformed requests leave it answering /v1/health.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authSigningString, formatAuthHeader } from '../../../common/protocol/auth';
import { startLenderServer } from '../../../lender/app';
import { sha256Hex } from '../../../lender/crypto';
import { bundleEntry } from '../../support/bundle';
import { malformedRequest, seeded, sendRaw } from '../../support/raw-fuzz';
import { tempDir } from '../../support/backend';

const MiB = 1024 * 1024;
let dir: string;
let child: ChildProcess;
let port: number;
let childErr = '';

beforeAll(async () => {
  dir = tempDir('casedesk-lender-');
  const file = await bundleEntry('lender/server.ts', 'lender-server');
  child = spawn(process.execPath, [file, '--port', '0', '--db', path.join(dir, 'lender.sqlite'), '--issue-code'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr?.on('data', (c: Buffer) => (childErr += c.toString()));
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`lender did not start: ${childErr}`)), 30_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const p = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (p?.[1] && /enrollment code: \S+/.test(out)) {
        clearTimeout(timer);
        port = Number(p[1]);
        resolve();
      }
    });
  });
});
afterAll(() => {
  child.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

const alive = () => child.exitCode === null && child.signalCode === null;

/** The child's peak resident memory (VmHWM) in bytes. */
function peakRss(): number {
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
}

async function health(): Promise<void> {
  expect(alive(), `lender died: ${childErr.slice(-2000)}`).toBe(true);
  const r = await fetch(`http://127.0.0.1:${port}/v1/health`);
  expect(r.status).toBe(200);
}

/**
 * Sends `head` then up to `total` bytes of body in 1 MiB chunks, stopping when the server answers
 * or closes. Resolves with the status (0 if none) and how many body bytes were written.
 */
function upload(head: string, total: number): Promise<{ status: number; written: number; answer: string }> {
  return new Promise((resolve) => {
    // Half-open allowed: the server's early FIN must not end our side (and lose its answer to EPIPE).
    const socket = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true });
    const chunk = Buffer.alloc(MiB, 0x61);
    let written = 0;
    let answer = '';
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      socket.destroy();
      resolve({ status: Number(/HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0), written, answer: answer.slice(0, 200) });
    };
    const pump = () => {
      while (!finished && written < total) {
        written += chunk.length;
        if (socket.destroyed || !socket.writable) return;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
    };
    socket.on('connect', () => {
      socket.write(head);
      pump();
    });
    socket.on('data', (c: Buffer) => {
      answer += c.toString('latin1');
      if (/\r\n\r\n/.test(answer)) setTimeout(finish, 50);
    });
    // A write error (EPIPE once the server stopped reading) comes before the answer is read; 'close' follows.
    socket.on('error', (e: NodeJS.ErrnoException) => (answer += answer ? '' : `[${e.code ?? ''}]`));
    socket.on('close', finish);
    setTimeout(finish, 20_000);
  });
}

describe('the lender reads no body it will not accept', () => {
  it('refuses an unauthenticated 60 MiB push before reading it: 401, connection closed, flat memory', async () => {
    const before = peakRss();
    for (let i = 0; i < 4; i++) {
      const r = await upload(`POST /v1/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${60 * MiB}\r\n\r\n`, 60 * MiB);
      expect(r.status, JSON.stringify(r)).toBe(401);
      expect(r.written, 'the server stopped the upload long before its end').toBeLessThan(30 * MiB);
    }
    expect(peakRss() - before, 'peak RSS growth').toBeLessThan(16 * MiB);
    await health();
  }, 60_000);

  it('refuses a chunked unauthenticated upload the same way', async () => {
    const before = peakRss();
    const r = await upload(`POST /v1/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n100000\r\n`, 60 * MiB);
    expect(r.status).toBe(401);
    expect(peakRss() - before).toBeLessThan(16 * MiB);
    await health();
  }, 60_000);

  it('refuses a body over the route limit from its Content-Length (413), and any body on enroll over 64 KiB', async () => {
    const r = await upload(`POST /v1/enroll HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${60 * MiB}\r\n\r\n`, 60 * MiB);
    expect(r.status).toBe(413);
    expect(r.written).toBeLessThan(30 * MiB);
    await health();
  }, 60_000);

  it('survives 3,000 malformed requests and still answers /v1/health', async () => {
    const rand = seeded(4);
    const ctx = { host: `127.0.0.1:${port}`, auth: { Authorization: 'CaseDesk ws=x, ts=2026-01-01T00:00:00Z, sig=AAAA' }, apiPrefix: '/v1/' };
    for (let batch = 0; batch < 6; batch++) {
      await sendRaw(port, Array.from({ length: 500 }, () => malformedRequest(rand, ctx)), { concurrency: 16, perRequestMs: 1_000 });
      await health();
    }
    expect(childErr).not.toMatch(/uncaught|unhandled/);
  }, 120_000);
});

describe('per-workstation rate limit', () => {
  function signedGet(base: string, wsId: string, key: KeyObject, pathQuery: string): Promise<Response> {
    const ts = new Date().toISOString();
    const sig = sign(null, Buffer.from(authSigningString('GET', pathQuery, ts, sha256Hex(new Uint8Array()))), key).toString('base64');
    return fetch(`${base}${pathQuery}`, { headers: { Authorization: formatAuthHeader({ workstationId: wsId, timestamp: ts, signature: sig }) } });
  }

  it('answers 429 RATE_LIMITED past the limit for that workstation only', async () => {
    const d = tempDir('casedesk-lender-rl-');
    const lender = await startLenderServer({ port: 0, dbFile: path.join(d, 'l.sqlite'), requestsPerMinute: 3 });
    try {
      const enrolled = await Promise.all(
        ['ws-a', 'ws-b'].map(async (id) => {
          const pair = generateKeyPairSync('ed25519');
          const body = { code: await lender.issueEnrollmentCode(), workstationId: id, publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(), name: id };
          const r = await fetch(`${lender.url}/v1/enroll`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
          expect(r.status).toBe(200);
          return { id, key: pair.privateKey };
        }),
      );
      const [a, b] = enrolled as [{ id: string; key: KeyObject }, { id: string; key: KeyObject }];
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await signedGet(lender.url, a.id, a.key, '/v1/feed?after=0')).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const limited = (await (await signedGet(lender.url, a.id, a.key, '/v1/feed?after=0')).json()) as { error: { code: string } };
      expect(limited.error.code).toBe('RATE_LIMITED');
      expect((await signedGet(lender.url, b.id, b.key, '/v1/feed?after=0')).status).toBe(200);
    } finally {
      await lender.close();
      fs.rmSync(d, { recursive: true, force: true });
    }
  });
});
