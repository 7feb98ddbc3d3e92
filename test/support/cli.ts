/** Captured standard streams for running a CLI command in-process. */
import { PassThrough } from 'node:stream';

/** `terminal`: stdout claims to be an interactive terminal (isTTY), as a person's shell is. */
export function cliIo(opts: { terminal?: boolean } = {}) {
  const stdout = Object.assign(new PassThrough(), opts.terminal ? { isTTY: true } : {});
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { io: { stdin: new PassThrough(), stdout, stderr }, out: () => out, err: () => err };
}
