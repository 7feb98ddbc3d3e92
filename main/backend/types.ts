import type { Result, MethodName, UserSummary } from '../../common/api';
import type { DbCipher } from '../../db/open';

/** Who is calling. Every service call carries one; role checks happen in the services. */
export type Actor = UserSummary;

/** The one door into the application: the Electron IPC relay, the loopback host and tests all use it. */
export interface Backend {
  dispatch(name: MethodName | string, input: unknown, session?: SessionRef): Promise<Result<unknown>>;
  close(): void;
}

/** A reference to the caller's session, checked by the backend (issue "Security": real logins). */
export interface SessionRef {
  token?: string;
}

export interface BackendOptions {
  /** Folder holding casedesk.sqlite and the workstation keys. */
  dataDir: string;
  host: 'electron' | 'web' | 'cli' | 'test';
  /** Path to a better-sqlite3 binding built for this runtime; Electron passes its own build. */
  nativeBinding?: string;
  /** The unlocked database key (main/backend/keys): open the database encrypted. Never logged. */
  dbKey?: Buffer;
  /** With dbKey: the cipher the key store names, for a folder encrypted by an earlier build; default AEGIS-256. */
  dbCipher?: DbCipher;
  /** Explicit opt-out (--plain): an unencrypted database, marked so with <dataDir>/PLAIN. */
  plain?: boolean;
  /** Injected clock (tests); defaults to the system clock. */
  now?: () => Date;
  /** In-process callers only (host cli or test): act as this user without a session. */
  user?: string;
  /** Log sink. Never receives personal data. */
  log?: (line: string) => void;
}
