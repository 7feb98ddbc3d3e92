/**
 * Chain formula 2: every link from here on commits to its record's placement (lender/PROTOCOL.md,
 * "The chain"; common/domain/chain/tagged.ts). Each new row keeps the placement tag and the record
 * digest it was hashed with, so a report can elide another placement's record as
 * {digest, hash, seq, tag} and the lender can recompute the link's hash without its content.
 * Rows chained before stay formula 1 (both columns NULL); the first row with a digest is where the
 * workstation switched (chainRepo.taggedFrom).
 */
export const name = 'chain_tags';
export const sql = /* sql */ `
ALTER TABLE chain ADD COLUMN tag TEXT CHECK (tag IS NULL OR length(tag) = 64);
ALTER TABLE chain ADD COLUMN digest TEXT CHECK (digest IS NULL OR length(digest) = 64);
`;
