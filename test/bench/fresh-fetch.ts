/**
 * A FetchLike (main/backend/sync/client.ts) that opens a new connection per request. The sync
 * client's default fetch pools keep-alive sockets; with the lender in this same process, a push
 * that follows seconds of synchronous work can pick a socket the server is about to close (its
 * keep-alive timer could not fire while the shared loop was blocked) and fail with "fetch failed".
 * A loopback connect costs well under a millisecond; everything else is the client's own request.
 */
import http from 'node:http';
import type { FetchLike } from '../../main/backend/sync/client';

export const freshConnectionFetch: FetchLike = (url, init) =>
  new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method, headers: init.headers, agent: false, ...(init.signal ? { signal: init.signal } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, text: () => Promise.resolve(body) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
