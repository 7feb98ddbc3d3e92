/**
 * How a browser window gets into the loopback host without the per-launch token ever being in a
 * process's arguments or the browser's history: the host issues a one-time *launch code* (random,
 * single use, expiring in LAUNCH_CODE_TTL_MS) and the window opens /launch?code=…; the host trades
 * the code once for a *window credential* — an HttpOnly, SameSite=Strict cookie page script cannot
 * read, which the browser keeps in memory only (no Expires) — forgets the code, and redirects to a
 * clean URL. Codes and credentials live in this process's memory only; a restart ends them all.
 */
import crypto from 'node:crypto';

export const LAUNCH_CODE_TTL_MS = 60_000;
export const WINDOW_COOKIE = 'casedesk_window';

const digest = (value: string): string => crypto.createHash('sha256').update(value).digest('hex');

export class LaunchCodes {
  private readonly codes = new Map<string, { expiresAt: number; onUsed: (() => void) | undefined }>();
  /** Kept as SHA-256 digests: a lookup's timing depends on the digest, not on the secret. */
  private readonly credentials = new Set<string>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(ttlMs = LAUNCH_CODE_TTL_MS, onUsed?: () => void): string {
    const code = crypto.randomBytes(24).toString('base64url');
    this.codes.set(digest(code), { expiresAt: this.now() + ttlMs, onUsed });
    return code;
  }

  /** A fresh window credential for a live code (which is gone after this), or null. */
  exchange(code: string): string | null {
    this.sweep();
    const key = digest(code);
    const entry = this.codes.get(key);
    if (!entry) return null;
    this.codes.delete(key);
    entry.onUsed?.();
    const credential = crypto.randomBytes(32).toString('base64url');
    this.credentials.add(digest(credential));
    return credential;
  }

  isCredential(value: string | undefined): boolean {
    return value !== undefined && value.length > 0 && this.credentials.has(digest(value));
  }

  private sweep(): void {
    const t = this.now();
    for (const [k, e] of this.codes) {
      if (e.expiresAt <= t) {
        this.codes.delete(k);
        e.onUsed?.();
      }
    }
  }
}

/** The window credential from a Cookie header, if any. */
export function windowCookie(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === WINDOW_COOKIE) return value.join('=');
  }
  return undefined;
}

export function windowCookieHeader(credential: string): string {
  // No Expires/Max-Age: a session cookie, never written to the profile's cookie store on disk.
  return `${WINDOW_COOKIE}=${credential}; Path=/; HttpOnly; SameSite=Strict`;
}
