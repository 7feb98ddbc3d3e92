/** File helpers shared by the writers. */
import fs from 'node:fs';
import { createHash } from 'node:crypto';

/** Resolves when the stream has closed, rejects on its error; never an unhandled rejection. */
export function finished(stream: fs.WriteStream): Promise<void> {
  const p = new Promise<void>((resolve, reject) => {
    stream.once('close', resolve);
    stream.once('error', reject);
  });
  p.catch(() => undefined);
  return p;
}

/** SHA-256 and size of a file, read as a stream (the file may be hundreds of megabytes). */
export async function fileDigest(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    const b = chunk as Buffer;
    hash.update(b);
    bytes += b.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

export function removeQuietly(file: string): void {
  fs.rmSync(file, { force: true });
}
