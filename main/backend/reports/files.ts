/**
 * The export folder of one report: report.json (the exact signed bytes), report.sig (the raw
 * 64-byte Ed25519 signature) and workstation.pub.pem (SPKI PEM), so that
 *   openssl pkeyutl -verify -pubin -inkey workstation.pub.pem -rawin -in report.json -sigfile report.sig
 * verifies it with no CaseDesk code at all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReportText, checkReportContent, type ReportProblem } from '../../../common/domain/report/check';
import type { ProgressReport } from '../../../common/protocol/report';
import { makeDirsPrivate, writePrivateFile } from '../private-files';
import { sha256 } from '../crypto/hash';
import { publicKeyFromPem, verifyBytes } from '../crypto/ed25519';
import { keyFingerprint } from '../crypto/fingerprint';

export const REPORT_FILE = 'report.json';
export const SIGNATURE_FILE = 'report.sig';
export const PUBLIC_KEY_FILE = 'workstation.pub.pem';

export function writeReportFiles(dir: string, canonical: string, signature: Uint8Array, publicKeyPem: string): void {
  makeDirsPrivate(dir);
  // No trailing newline: the file must be byte-for-byte what was signed.
  writePrivateFile(join(dir, REPORT_FILE), canonical);
  writePrivateFile(join(dir, SIGNATURE_FILE), signature);
  writePrivateFile(join(dir, PUBLIC_KEY_FILE), publicKeyPem);
}

export type FolderProblem =
  | ReportProblem
  | { code: 'MISSING_FILE'; message: string }
  | { code: 'BAD_PUBLIC_KEY'; message: string }
  | { code: 'BAD_SIGNATURE'; message: string }
  | { code: 'SIGNER_NOT_PINNED'; message: string; pinned: string; folder: string };

/** Who signed: the key's fingerprint (keyFingerprint), and whether it was the pinned key given, or the folder's own. */
export interface Signer {
  fingerprint: string;
  pinned: boolean;
}

export type FolderCheck = { ok: true; report: ProgressReport; signer: Signer } | { ok: false; problem: FolderProblem };

/**
 * Signature first (over the raw bytes), then format, then chain continuity and figures. With
 * `pinnedKeyPem` the signature must verify with that key, whatever key the folder carries: a
 * folder's own key proves only that someone signed it.
 */
export function verifyReportFolder(dir: string, pinnedKeyPem?: string): FolderCheck {
  const read = (name: string): Buffer | FolderProblem => {
    try {
      return readFileSync(join(dir, name));
    } catch {
      return { code: 'MISSING_FILE', message: `${join(dir, name)} is missing or unreadable` };
    }
  };
  const bytes = read(REPORT_FILE);
  const sig = read(SIGNATURE_FILE);
  const pem = read(PUBLIC_KEY_FILE);
  for (const x of [bytes, sig, pem]) if (!Buffer.isBuffer(x)) return { ok: false, problem: x };
  const folderPem = (pem as Buffer).toString('utf8');
  if (pinnedKeyPem === undefined) return verifyReportBytes(bytes as Buffer, sig as Buffer, folderPem, false);
  const check = verifyReportBytes(bytes as Buffer, sig as Buffer, pinnedKeyPem, true);
  if (check.ok || check.problem.code !== 'BAD_SIGNATURE') return check;
  const pinned = fingerprintOf(pinnedKeyPem);
  const folder = fingerprintOf(folderPem);
  if (pinned === folder) return check;
  return {
    ok: false,
    problem: {
      code: 'SIGNER_NOT_PINNED',
      pinned,
      folder,
      message: `the report is not signed by the pinned key (sha256 ${pinned}); the folder's key is another (sha256 ${folder})`,
    },
  };
}

function fingerprintOf(pem: string): string {
  try {
    return keyFingerprint(publicKeyFromPem(pem));
  } catch {
    return 'unreadable';
  }
}

export function verifyReportBytes(bytes: Uint8Array, signature: Uint8Array, publicKeyPem: string, pinned = false): FolderCheck {
  let key;
  try {
    key = publicKeyFromPem(publicKeyPem);
  } catch (err) {
    return { ok: false, problem: { code: 'BAD_PUBLIC_KEY', message: `${pinned ? 'pinned' : 'public'} key: ${(err as Error).message}` } };
  }
  if (signature.length !== 64) {
    return { ok: false, problem: { code: 'BAD_SIGNATURE', message: `the signature is ${signature.length} bytes; an Ed25519 signature is 64` } };
  }
  if (!verifyBytes(bytes, signature, key)) {
    return {
      ok: false,
      problem: { code: 'BAD_SIGNATURE', message: 'the signature does not verify over report.json: the file was altered or signed by another key' },
    };
  }
  const parsed = parseReportText(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
  if (!parsed.ok) return parsed;
  const content = checkReportContent(parsed.report, sha256);
  if (!content.ok) return content;
  return { ok: true, report: content.report, signer: { fingerprint: keyFingerprint(key), pinned } };
}
