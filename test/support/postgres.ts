/**
 * A throwaway PostgreSQL cluster for tests and the lender load test: Debian's `postgresql`
 * package's own initdb and pg_ctl, a data folder in a temp directory, a Unix socket in it (no TCP
 * port at all), torn down with the folder afterwards. No mock: the store under test talks to a
 * real server.
 *
 * PostgreSQL refuses to run as root; when we are root (CI, this sandbox) the cluster runs as the
 * `postgres` system user the Debian package creates, in a folder handed to that user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PgCluster {
  /** A postgres:// URL with the socket folder as host. */
  url: string;
  socketDir: string;
  stop(): void;
}

/** The newest installed server's bin folder, or null when PostgreSQL is not installed. */
export function postgresBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], 'bin') : null;
}

function runAs(user: string | null, bin: string, args: string[]): void {
  const [cmd, argv] = user ? ['runuser', ['-u', user, '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${path.basename(bin)} failed (${r.status}): ${r.stderr || r.stdout}`);
}

export function startPgCluster(opts: { user?: string; database?: string } = {}): PgCluster {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (.ci/run does this)');
  const asUser = process.getuid?.() === 0 ? 'postgres' : null;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'casedesk-pg-'));
  if (asUser) {
    const uid = Number(execFileSync('id', ['-u', asUser], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', asUser], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  const role = opts.user ?? 'casedesk';
  // Trust auth over the socket only; nothing listens on TCP. fsync off: a test cluster is thrown away.
  runAs(asUser, path.join(bin, 'initdb'), ['-D', data, '-U', role, '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const serverOpts = `-k ${dir} -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  runAs(asUser, path.join(bin, 'pg_ctl'), ['-D', data, '-o', serverOpts, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      runAs(asUser, path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const database = opts.database ?? 'postgres';
  // The socket folder goes in `host=`; "localhost" only makes the URL well-formed.
  return { url: `postgres://${role}@localhost/${database}?host=${encodeURIComponent(dir)}`, socketDir: dir, stop };
}
