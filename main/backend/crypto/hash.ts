import { createHash } from 'node:crypto';
import type { Sha256 } from '../../../common/domain/chain/hash';

/** SHA-256 from Node's crypto, in the shape the pure chain code expects. */
export const sha256: Sha256 = (data) => new Uint8Array(createHash('sha256').update(data).digest());

export const sha256Hex = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');
