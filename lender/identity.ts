/**
 * The lender's own identity: id, code, name and an Ed25519 key, created on first start and kept
 * in the store. (A production lender keeps this key in an HSM; the reference server keeps it in
 * its database, which is fine for a test peer.)
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { generateLenderKeys, loadLenderKeys, type LenderKeys } from './crypto';
import type { LenderStore } from './store/types';

export interface LenderInfo {
  id: string;
  code: string;
  name: string;
  phone: string;
  complaintChannel: string;
}

export interface LenderIdentity {
  info: LenderInfo;
  keys: LenderKeys;
}

const Stored = z.strictObject({
  info: z.strictObject({ id: z.string(), code: z.string(), name: z.string(), phone: z.string(), complaintChannel: z.string() }),
  privatePem: z.string(),
});

export async function loadOrCreateIdentity(store: LenderStore, wanted: Partial<LenderInfo>): Promise<LenderIdentity> {
  const raw = await store.getMeta('identity');
  if (raw !== undefined) {
    const s = Stored.parse(JSON.parse(raw));
    return { info: s.info, keys: loadLenderKeys(s.privatePem) };
  }
  const info: LenderInfo = {
    id: wanted.id ?? randomUUID(),
    code: wanted.code ?? 'LENDER',
    name: wanted.name ?? 'Reference Lender',
    phone: wanted.phone ?? '',
    complaintChannel: wanted.complaintChannel ?? '',
  };
  const { privatePem } = generateLenderKeys();
  await store.setMeta('identity', JSON.stringify({ info, privatePem }));
  return { info, keys: loadLenderKeys(privatePem) };
}
