/**
 * The exact signed text of a stored report. Reports made since migration 0007 store their frame;
 * their links are the chain rows of the report's run, spliced back in. The chain is append-only,
 * so the text is byte-identical to what was signed — and `verifiedReportText` proves it before
 * the text leaves the workstation.
 */
import { ProgressReportSchema } from '../../../common/protocol/report';
import { ReportTextError, spliceLinks } from '../../../common/domain/report/text';
import { chainRepo } from '../../../db/repos/chain';
import type { Db } from '../../../db/open';
import type { ReportRow } from '../../../db/repos/reports';
import { publicKeyFromPem, verifyBytes } from '../crypto/ed25519';
import { loadIdentity } from '../sync/identity';

export { ReportTextError };

export function reportText(db: Db, row: Pick<ReportRow, 'id' | 'canonical' | 'links_in_chain'>): string {
  if (row.links_in_chain === 0) return row.canonical;
  const frame = ProgressReportSchema.parse(JSON.parse(row.canonical));
  const { start, head } = frame.chain;
  const links = chainRepo(db).links(start.seq, head.seq);
  const last = links.at(-1);
  if (links.length !== head.seq - start.seq || (last ? last.hash !== head.hash || last.seq !== head.seq : head.hash !== start.hash)) {
    throw new ReportTextError(`report ${row.id}: the chain no longer holds its links ${start.seq + 1}…${head.seq} as they were signed`);
  }
  return spliceLinks(row.canonical, frame.placementId, links);
}

/** The text, checked against the report's own signature with this workstation's key. */
export function verifiedReportText(db: Db, row: Pick<ReportRow, 'id' | 'canonical' | 'links_in_chain' | 'signature_b64'>): string {
  const text = reportText(db, row);
  const identity = loadIdentity(db);
  if (!identity) throw new ReportTextError('this database has no workstation key, so its reports cannot be checked');
  if (!verifyBytes(Buffer.from(text, 'utf8'), Buffer.from(row.signature_b64, 'base64'), publicKeyFromPem(identity.publicKeyPem))) {
    throw new ReportTextError(`report ${row.id}: its text does not match its signature (the chain or the report was altered)`);
  }
  return text;
}
