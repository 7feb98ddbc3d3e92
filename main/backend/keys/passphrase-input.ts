/**
 * Getting a passphrase from a person or a file — never from argv or the environment, where other
 * processes and shell history can read it. Non-interactive use names a file (CASEDESK_PASSPHRASE_FILE
 * or --passphrase-file); its first line is the passphrase.
 */
import fs from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { DataDirModeError } from './errors';
import { checkNewPassphrase } from './keystore';

export const PASSPHRASE_FILE_ENV = 'CASEDESK_PASSPHRASE_FILE';

export function readPassphraseFile(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new DataDirModeError(`cannot read the passphrase file ${file}: ${err instanceof Error && 'code' in err ? String(err.code) : 'unreadable'}`);
  }
  // Only the line break an editor or `echo` adds is dropped; other spaces are part of the passphrase.
  const passphrase = text.split(/\r?\n/)[0] ?? '';
  if (passphrase === '') throw new DataDirModeError(`the passphrase file ${file} is empty`);
  return passphrase;
}

type Tty = Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

/** Reads one line from a TTY without echoing it. */
export function askHidden(question: string, input: Tty, output: Writable): Promise<string> {
  if (!input.isTTY || !input.setRawMode) return Promise.reject(new DataDirModeError('no terminal to ask for the passphrase on'));
  const setRaw = input.setRawMode.bind(input);
  output.write(question);
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (err: Error | null) => {
      input.off('data', onData);
      setRaw(false);
      input.pause();
      output.write('\n');
      if (err) reject(err);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(null);
        if (ch === '\u0003' || ch === '\u0004') return done(new DataDirModeError('cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    setRaw(true);
    input.resume();
    input.on('data', onData);
  });
}

/** Asks twice until both match and the passphrase is long enough; three tries. */
export async function askNewPassphrase(input: Tty, output: Writable): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const first = await askHidden('New passphrase for the database key: ', input, output);
    try {
      checkNewPassphrase(first);
    } catch (err) {
      output.write(`${err instanceof Error ? err.message : String(err)}\n`);
      continue;
    }
    const second = await askHidden('Repeat the passphrase: ', input, output);
    if (first === second) return first;
    output.write('The two passphrases differ; try again.\n');
  }
  throw new DataDirModeError('no passphrase was set');
}
