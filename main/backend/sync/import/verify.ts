/**
 * A feed item is trusted only after the lender's signature verifies over its exact payload bytes,
 * and only then parsed. It must also be addressed to this workstation and come from the enrolled lender.
 */
import { utf8 } from '../../../../common/domain/chain/canonical';
import type { FeedItem } from '../../../../common/protocol/feed';
import { LenderPackageSchema, type LenderPackage } from '../../../../common/protocol/packages';
import { publicKeyFromPem, verifyBytes } from '../../crypto/ed25519';

export type PackageRefusal = 'BAD_SIGNATURE' | 'BAD_PACKAGE' | 'WRONG_AUDIENCE' | 'WRONG_LENDER';

export class PackageRefusedError extends Error {
  override readonly name = 'PackageRefusedError';
  constructor(
    readonly code: PackageRefusal,
    readonly cursor: number,
    message: string,
  ) {
    super(message);
  }
}

export function verifyPackage(item: FeedItem, lenderPublicKeyPem: string, workstationId: string, lenderId: string): LenderPackage {
  const sig = Buffer.from(item.envelope.signature, 'base64');
  if (!verifyBytes(utf8(item.envelope.payload), sig, publicKeyFromPem(lenderPublicKeyPem))) {
    throw new PackageRefusedError(
      'BAD_SIGNATURE',
      item.cursor,
      `${item.kind} package at feed position ${item.cursor} has a bad lender signature; nothing was imported`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(item.envelope.payload);
  } catch {
    throw new PackageRefusedError('BAD_PACKAGE', item.cursor, `package at feed position ${item.cursor} is not JSON; nothing was imported`);
  }
  const parsed = LenderPackageSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new PackageRefusedError('BAD_PACKAGE', item.cursor, `package at feed position ${item.cursor} does not match the protocol (${where}); nothing was imported`);
  }
  const pkg = parsed.data;
  if (pkg.kind !== item.kind) {
    throw new PackageRefusedError('BAD_PACKAGE', item.cursor, `feed position ${item.cursor} says ${item.kind} but the signed package is a ${pkg.kind}`);
  }
  if (pkg.to !== '*' && pkg.to !== workstationId) {
    throw new PackageRefusedError('WRONG_AUDIENCE', item.cursor, `package ${pkg.id} is addressed to workstation ${pkg.to}, not this one`);
  }
  if (pkg.kind === 'assignment' && pkg.lender.id !== lenderId) {
    throw new PackageRefusedError('WRONG_LENDER', item.cursor, `assignment ${pkg.id} names lender ${pkg.lender.id}, but this workstation is enrolled with ${lenderId}`);
  }
  return pkg;
}
