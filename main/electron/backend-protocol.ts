/** Messages between the main process and the backend utility process. Pure: both sides import it. */
import { isResult, type Result } from '../../common/api';

/** main → backend: one API call. */
export interface CallMessage {
  id: number;
  name: string;
  input: unknown;
  /** The caller's sign-in session token, when it has one. */
  session?: string;
}
/** main → backend: close the database and exit. */
export interface ShutdownMessage {
  type: 'shutdown';
}
/**
 * main → backend, the first message to every backend process: how to open the database, settled
 * in the main process (where the OS keychain is). Sent over this channel, never through the
 * environment: a process's starting environment stays readable in /proc/<pid>/environ for its
 * whole life, whatever it later deletes from process.env. Exactly one of the three ways.
 */
export interface AccessMessage {
  type: 'access';
  /** The 32-byte database key, hex. */
  dbKeyHex?: string;
  /** With dbKeyHex, for a folder encrypted by an earlier build (keystore.json's cipher). */
  dbCipher?: string;
  plain?: true;
  /** Why there is no access: the backend answers every call with it. */
  error?: string;
}
/** backend → main: the envelope for call `id`. */
export interface ReplyMessage {
  id: number;
  result: Result<unknown>;
}

export function isCallMessage(x: unknown): x is CallMessage {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as Partial<CallMessage>;
  return Number.isSafeInteger(m.id) && typeof m.name === 'string';
}

export function isShutdownMessage(x: unknown): x is ShutdownMessage {
  return typeof x === 'object' && x !== null && (x as Partial<ShutdownMessage>).type === 'shutdown';
}

export function isAccessMessage(x: unknown): x is AccessMessage {
  return typeof x === 'object' && x !== null && (x as Partial<AccessMessage>).type === 'access';
}

export function isReplyMessage(x: unknown): x is ReplyMessage {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as Partial<ReplyMessage>;
  return Number.isSafeInteger(m.id) && isResult(m.result);
}

/** What the command line asked of the backend beyond its folder: the README's `--demo [--cases N]` and `--passphrase-file F`. */
export interface LaunchOptions {
  demo?: { cases: number };
  passphraseFile?: string;
}

/** argv of the utility process: `--data-dir <dir> [--native-binding <file>] [--demo-cases N] [--passphrase-file F]`. */
export function backendArgs(dataDir: string, nativeBinding: string | undefined, launch: LaunchOptions = {}): string[] {
  return [
    '--data-dir',
    dataDir,
    ...(nativeBinding ? ['--native-binding', nativeBinding] : []),
    ...(launch.demo ? ['--demo-cases', String(launch.demo.cases)] : []),
    ...(launch.passphraseFile ? ['--passphrase-file', launch.passphraseFile] : []),
  ];
}

export type BackendArgs = { ok: true; dataDir: string; nativeBinding?: string; launch: LaunchOptions } | { ok: false; message: string };

export function parseBackendArgs(argv: readonly string[]): BackendArgs {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] || undefined : undefined;
  };
  const dataDir = value('--data-dir');
  if (!dataDir) return { ok: false, message: 'backend-process: --data-dir <dir> is required' };
  const launch: LaunchOptions = {};
  const cases = value('--demo-cases');
  if (cases !== undefined) {
    const n = Number(cases);
    if (!Number.isInteger(n) || n < 1 || n > 1_000_000) return { ok: false, message: 'backend-process: --demo-cases must be a whole number from 1 to 1,000,000' };
    launch.demo = { cases: n };
  }
  const passphraseFile = value('--passphrase-file');
  if (passphraseFile) launch.passphraseFile = passphraseFile;
  const nativeBinding = value('--native-binding');
  return nativeBinding ? { ok: true, dataDir, nativeBinding, launch } : { ok: true, dataDir, launch };
}
