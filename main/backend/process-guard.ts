/**
 * Process-level catch-alls for the long-running processes (loopback host, Electron's main and
 * backend processes): an exception or rejection that escaped every handler is logged by its kind
 * only — never its message, which may quote a request or a value — and the process keeps serving.
 * Every request path has its own catch; these are the last line, not the plan.
 */
export function errorKind(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as Error & { code?: unknown }).code;
    return typeof code === 'string' && /^[A-Z0-9_]{1,64}$/.test(code) ? `${err.name} ${code}` : err.name;
  }
  return typeof err;
}

let installed = false;

export function installProcessGuards(log: (line: string) => void, proc: NodeJS.Process = process): void {
  if (installed && proc === process) return;
  if (proc === process) installed = true;
  proc.on('uncaughtException', (err) => log(`uncaught exception (${errorKind(err)}); still running`));
  proc.on('unhandledRejection', (err) => log(`unhandled rejection (${errorKind(err)}); still running`));
}
