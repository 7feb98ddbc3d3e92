/** Names of the files in a data folder that say how its database is protected. */
import path from 'node:path';

export const DB_FILE_NAME = 'casedesk.sqlite';
export const KEYSTORE_FILE = 'keystore.json';
/** Written before a re-key and renamed over keystore.json after it (see rotate.ts). */
export const KEYSTORE_PENDING_FILE = 'keystore.json.tmp';
/** Written by `casedesk db encrypt` before the encrypted copy is swapped in (see encrypt.ts). */
export const KEYSTORE_ENCRYPTING_FILE = 'keystore.json.encrypting';
/** Marks a database deliberately left unencrypted (--plain). */
export const PLAIN_MARKER = 'PLAIN';

export const databaseFile = (dataDir: string): string => path.join(dataDir, DB_FILE_NAME);
export const keystoreFile = (dataDir: string): string => path.join(dataDir, KEYSTORE_FILE);
export const pendingKeystoreFile = (dataDir: string): string => path.join(dataDir, KEYSTORE_PENDING_FILE);
export const encryptingKeystoreFile = (dataDir: string): string => path.join(dataDir, KEYSTORE_ENCRYPTING_FILE);
export const plainMarkerFile = (dataDir: string): string => path.join(dataDir, PLAIN_MARKER);
