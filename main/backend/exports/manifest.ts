/**
 * The sidecar `<file>.manifest.json`: what was exported, by whom, when, from which workstation,
 * the file's SHA-256, and an Ed25519 signature by the workstation key over the canonical (RFC 8785)
 * JSON of every other field. Anyone with the workstation's public key can check both.
 */
import { writePrivateFile } from '../private-files';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { canonicalBytes } from '../../../common/domain/chain/canonical';
import { publicKeyFromPem, verifyBytes } from '../crypto/ed25519';
import type { Signer } from '../sync/identity';
import { fileDigest } from './writers/files';
import type { ExportOutcome, ExportRequest } from './types';

export const MANIFEST_SUFFIX = '.manifest.json';

const bodyFields = {
  type: z.literal('casedesk.export-manifest'),
  kind: z.enum(['activities', 'ledger', 'conduct', 'performance']),
  format: z.enum(['csv', 'xlsx', 'pdf']),
  filters: z.strictObject({ placementId: z.string().nullable(), scopeUserIds: z.array(z.string()) }),
  file: z.strictObject({ name: z.string(), bytes: z.number().int(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  rows: z.strictObject({
    total: z.number().int(),
    sections: z.array(z.strictObject({ title: z.string(), rows: z.number().int(), truncatedAt: z.number().int().optional() })),
  }),
  exportedBy: z.strictObject({ id: z.string(), username: z.string(), displayName: z.string() }),
  exportedAt: z.string(),
  workstationId: z.string(),
  masked: z.boolean(),
  unmaskReason: z.string().optional(),
  publicKeyPem: z.string(),
  /** How the signing key is kept at rest (e.g. inside a --plain database: as protected as that file). */
  keyKeptBy: z.string().optional(),
};
const signatureField = {
  signature: z.strictObject({ algorithm: z.literal('Ed25519'), over: z.literal('RFC 8785 canonical JSON of the manifest without "signature"'), value: z.string() }),
};
const PERIOD_DAYS = 'calendar days in timeZone, both inclusive';
/** The rows behind the exported figures checked against their chain records (services/record-check.ts). */
const IntegrityField = z.strictObject({
  checkedAgainst: z.literal('chain'),
  activitiesChecked: z.number().int(),
  paymentsChecked: z.number().int(),
  mismatches: z.number().int(),
  examples: z.array(
    z.strictObject({
      kind: z.enum(['activity', 'payment']),
      id: z.string(),
      caseId: z.string(),
      placementId: z.string(),
      problem: z.enum(['differs', 'unrecorded']),
    }),
  ),
});
/** Version 2 (now): the period is days of the agency's time zone, and says which. `integrity` is absent from earlier manifests and from activity logs. */
const ManifestBody = z.strictObject({
  ...bodyFields,
  version: z.literal(2),
  period: z.strictObject({ from: z.string(), to: z.string(), timeZone: z.string(), days: z.literal(PERIOD_DAYS) }),
  integrity: IntegrityField.optional(),
});
export type ManifestBody = z.infer<typeof ManifestBody>;
/** Version 1 (before): UTC days. Still verifiable. */
const ManifestBodyV1 = z.strictObject({
  ...bodyFields,
  version: z.literal(1),
  period: z.strictObject({ from: z.string(), to: z.string(), days: z.literal('UTC calendar days, both inclusive') }),
});

export const ExportManifest = z.discriminatedUnion('version', [ManifestBody.extend(signatureField), ManifestBodyV1.extend(signatureField)]);
export type ExportManifest = z.infer<typeof ExportManifest>;

export const manifestPathOf = (file: string): string => `${file}${MANIFEST_SUFFIX}`;

export function buildManifest(req: ExportRequest, outcome: ExportOutcome, signer: Signer, unmaskReason: string | undefined): ExportManifest {
  const body: ManifestBody = {
    type: 'casedesk.export-manifest',
    version: 2,
    kind: req.kind,
    format: req.format,
    period: { from: req.from, to: req.to, timeZone: req.timeZone, days: PERIOD_DAYS },
    filters: { placementId: req.placementId, scopeUserIds: req.scope },
    file: { name: path.basename(outcome.file), bytes: outcome.bytes, sha256: outcome.sha256 },
    rows: { total: outcome.rows, sections: outcome.sections.map((s) => ({ ...s })) },
    exportedBy: req.exportedBy,
    exportedAt: req.exportedAt,
    workstationId: req.workstationId,
    masked: req.masked,
    ...(unmaskReason !== undefined ? { unmaskReason } : {}),
    ...(outcome.integrity ? { integrity: outcome.integrity } : {}),
    publicKeyPem: signer.publicKeyPem,
    ...(signer.keptBy ? { keyKeptBy: signer.keptBy } : {}),
  };
  const value = Buffer.from(signer.sign(canonicalBytes(body))).toString('base64');
  return { ...body, signature: { algorithm: 'Ed25519', over: 'RFC 8785 canonical JSON of the manifest without "signature"', value } };
}

export function writeManifest(file: string, manifest: ExportManifest): string {
  const target = manifestPathOf(file);
  writePrivateFile(target, `${JSON.stringify(manifest, null, 2)}\n`);
  return target;
}

export type ManifestCheck = { ok: true; manifest: ExportManifest } | { ok: false; problem: string };

/**
 * Checks a manifest and the file beside it: shape, signature (against `trustedKeyPem` when given,
 * else the key the manifest names — which proves integrity, not origin), then the file's digest.
 */
export async function verifyManifest(manifestFile: string, trustedKeyPem?: string): Promise<ManifestCheck> {
  let manifest: ExportManifest;
  try {
    const parsed = ExportManifest.safeParse(JSON.parse(fs.readFileSync(manifestFile, 'utf8')));
    if (!parsed.success) return { ok: false, problem: `not an export manifest: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
    manifest = parsed.data;
  } catch (err) {
    return { ok: false, problem: `cannot read ${manifestFile}: ${(err as Error).message}` };
  }
  const { signature, ...body } = manifest;
  if (trustedKeyPem !== undefined && trustedKeyPem.trim() !== body.publicKeyPem.trim()) return { ok: false, problem: 'signed by a different workstation key' };
  const key = publicKeyFromPem(body.publicKeyPem);
  if (!verifyBytes(canonicalBytes(body), Buffer.from(signature.value, 'base64'), key)) return { ok: false, problem: 'the signature does not match the manifest' };
  const dataFile = path.join(path.dirname(manifestFile), body.file.name);
  if (!fs.existsSync(dataFile)) return { ok: false, problem: `${dataFile} is missing` };
  const digest = await fileDigest(dataFile);
  if (digest.sha256 !== body.file.sha256 || digest.bytes !== body.file.bytes) return { ok: false, problem: 'the file does not match its SHA-256 in the manifest' };
  return { ok: true, manifest };
}
