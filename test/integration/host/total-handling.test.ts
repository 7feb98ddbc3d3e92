/**
 * No request can end the loopback host (issue 16, item 1). The host runs as a real child process;
 * raw sockets send the requests that used to kill it, then a few thousand malformed request lines,
 * headers, paths and bodies. After each batch the process is alive and still answers auth.status.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { malformedRequest, seeded, sendRaw } from '../../support/raw-fuzz';
import { hostApiHeaders } from './support/host-auth';
import { rawRequest, startHostProcess, type HostProcess } from './support/host-process';

let host: HostProcess;
let auth: Record<string, string>;
beforeAll(async () => {
  host = await startHostProcess();
  auth = await hostApiHeaders(host);
});
afterAll(() => host.stop());

/** One raw request on its own socket; resolves with the status line's code (0 when closed unanswered). */
function rawStatus(bytes: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = net.connect(host.port, '127.0.0.1', () => socket.end(bytes));
    let head = '';
    socket.on('data', (c: Buffer) => (head += c.toString('latin1')));
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0)));
    socket.on('error', () => undefined);
  });
}

async function statusAnswers(): Promise<void> {
  expect(host.alive(), `host died; stderr:\n${host.stderr().slice(-2000)}`).toBe(true);
  const r = await rawRequest(host.port, { path: '/api/auth.status', method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{}' });
  expect(r.status).toBe(200);
  expect(JSON.parse(r.body)).toMatchObject({ ok: true });
}

describe('the loopback host under malformed requests', () => {
  it('answers GET //[ with 400 and lives', async () => {
    expect(await rawStatus(`GET //[ HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`)).toBe(400);
    await statusAnswers();
  });

  it('answers the absolute form GET http://[/ with 400 and lives', async () => {
    expect(await rawStatus(`GET http://[/ HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`)).toBe(400);
    await statusAnswers();
  });

  it('answers POST /api/auth.%E0%A4%A (a broken escape) with 400 and lives', async () => {
    const headers = Object.entries({ ...auth, 'Content-Type': 'application/json' }).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    expect(await rawStatus(`POST /api/auth.%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n${headers}Content-Length: 2\r\n\r\n{}`)).toBe(400);
    expect(await rawStatus(`POST /api/%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n${headers}Content-Length: 2\r\n\r\n{}`)).toBe(400);
    await statusAnswers();
  });

  it('survives 3,000 malformed requests and still answers auth.status', async () => {
    const rand = seeded(16);
    const ctx = { host: `127.0.0.1:${host.port}`, auth, apiPrefix: '/api/' };
    const started = Date.now();
    for (let batch = 0; batch < 6 && Date.now() - started < 60_000; batch++) {
      const requests = Array.from({ length: 500 }, () => malformedRequest(rand, ctx));
      const { statuses } = await sendRaw(host.port, requests, { concurrency: 16, perRequestMs: 1_000 });
      expect(statuses.get(500) ?? 0, 'no request reached an unexpected failure').toBe(0);
      await statusAnswers();
    }
    expect(host.stderr()).not.toMatch(/uncaught|unhandled/);
  }, 120_000);
});
