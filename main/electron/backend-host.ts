import { utilityProcess, type UtilityProcess } from 'electron';
import { fail, type Result } from '../../common/api';
import { backendArgs, isReplyMessage, type AccessMessage, type CallMessage, type LaunchOptions, type ShutdownMessage } from './backend-protocol';

export interface BackendHostOptions {
  /** dist/electron/backend-process.cjs */
  entry: string;
  dataDir: string;
  nativeBinding?: string;
  /** --demo and --passphrase-file from the command line. */
  launch?: LaunchOptions;
  /** A call with no answer after this long resolves to INTERNAL. */
  timeoutMs?: number;
  /** More crashes than this within `crashWindowMs` and we stop restarting. */
  maxRestarts?: number;
  crashWindowMs?: number;
  log?: (line: string) => void;
}

interface Pending {
  resolve: (result: Result<unknown>) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Runs the backend in a utility process and relays calls to it. Every call resolves to an
 * envelope, never rejects: a dead or silent backend becomes INTERNAL, and the process restarts.
 */
export class BackendHost {
  private child: UtilityProcess | null = null;
  private spawned = false;
  private queue: CallMessage[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private crashes: number[] = [];
  private stopping = false;
  private gaveUp = false;
  /** How to open the database (the key, settled by the main process): every new process's first message. */
  private access: AccessMessage | null = null;

  constructor(private readonly opts: BackendHostOptions) {}

  /** Set before start(); kept for the restarts after a crash. */
  setAccess(access: AccessMessage): void {
    this.access = access;
  }

  start(): void {
    if (this.child || this.stopping) return;
    // The environment is inherited as is: the key goes over the channel (see AccessMessage).
    const child = utilityProcess.fork(this.opts.entry, backendArgs(this.opts.dataDir, this.opts.nativeBinding, this.opts.launch), {
      serviceName: 'CaseDesk backend',
      stdio: 'inherit',
    });
    this.child = child;
    this.spawned = false;
    child.on('spawn', () => {
      if (this.child !== child) return;
      this.spawned = true;
      // The channel keeps order: the access arrives before any call.
      if (this.access) child.postMessage(this.access);
      for (const message of this.queue.splice(0)) child.postMessage(message);
    });
    child.on('message', (message: unknown) => this.onReply(message));
    child.on('exit', (code) => this.onExit(child, code));
  }

  call(name: string, input: unknown, session?: string): Promise<Result<unknown>> {
    if (this.stopping) return Promise.resolve(fail('INTERNAL', 'CaseDesk is shutting down.'));
    if (this.gaveUp) return Promise.resolve(fail('INTERNAL', 'The backend keeps crashing; restart CaseDesk.'));
    this.start();
    const id = this.nextId++;
    const message: CallMessage = session ? { id, name, input, session } : { id, name, input };
    return new Promise((resolve) => {
      const timeoutMs = this.opts.timeoutMs ?? 30_000;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve(fail('INTERNAL', `The backend did not answer ${name} within ${Math.round(timeoutMs / 1000)} s.`));
      }, timeoutMs);
      this.pending.set(id, { resolve, timer });
      if (this.spawned && this.child) this.child.postMessage(message);
      else this.queue.push(message);
    });
  }

  /** Asks the backend to close its database, then kills it if it lingers. */
  async stop(graceMs = 3_000): Promise<void> {
    this.stopping = true;
    const child = this.child;
    this.failAll('CaseDesk is shutting down.');
    if (!child) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve();
      }, graceMs);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      const shutdown: ShutdownMessage = { type: 'shutdown' };
      child.postMessage(shutdown);
    });
    this.child = null;
  }

  private onReply(message: unknown): void {
    if (!isReplyMessage(message)) return;
    const entry = this.pending.get(message.id);
    if (!entry) return; // already timed out
    this.pending.delete(message.id);
    clearTimeout(entry.timer);
    entry.resolve(message.result);
  }

  private onExit(child: UtilityProcess, code: number): void {
    if (this.child !== child) return;
    this.child = null;
    this.spawned = false;
    this.queue = [];
    this.failAll('The backend stopped unexpectedly; please try again.');
    if (this.stopping) return;
    this.opts.log?.(`backend exited with code ${code}`);
    const now = Date.now();
    const windowMs = this.opts.crashWindowMs ?? 60_000;
    this.crashes = [...this.crashes.filter((t) => now - t < windowMs), now];
    if (this.crashes.length > (this.opts.maxRestarts ?? 5)) {
      this.gaveUp = true;
      this.opts.log?.('backend crashed too often; not restarting');
      return;
    }
    this.start();
  }

  private failAll(message: string): void {
    for (const [id, entry] of this.pending) {
      clearTimeout(entry.timer);
      this.pending.delete(id);
      entry.resolve(fail('INTERNAL', message));
    }
  }
}
