/**
 * POST /v1/reports: accept a signed progress report exactly once.
 * Order of checks: shape → canonical form → author → signature → sequence (duplicate / replay /
 * gap) → placement → chain content → continuity with the previous report → forks → log + receipt.
 * Everything from the sequence check on runs in one store transaction.
 */
import { canonicalJson, utf8 } from '../../common/domain/chain/canonical';
import { toHex } from '../../common/domain/chain/hex';
import { checkReportContent, parseReportText } from '../../common/domain/report/check';
import { continuityProblem, periodProblem } from '../../common/domain/report/period';
import { inclusionProof, leafHash, rootFromLeafHashes } from '../../common/protocol/merkle';
import { RECEIPT_FORMAT, type PushReportResponse, type Receipt } from '../../common/protocol/receipt';
import { PushReportBody, type ProgressReport } from '../../common/protocol/report';
import { sha256, sha256Hex, signWith, verifyWithPem } from '../crypto';
import { HttpError, issuesOf, parseJson } from '../http';
import type { LenderContext } from '../context';
import type { LenderStoreOps, StoredReport, WorkstationRow } from '../store/types';

export async function pushReport(body: Buffer, ws: WorkstationRow, lc: LenderContext): Promise<PushReportResponse> {
  const parsedBody = PushReportBody.safeParse(parseJson(body));
  if (!parsedBody.success) throw new HttpError('BAD_REQUEST', 'push body is malformed', { issues: issuesOf(parsedBody.error) });
  const { report: text, signature } = parsedBody.data;

  const parsed = parseReportText(text);
  if (!parsed.ok) {
    const p = parsed.problem;
    throw new HttpError(p.code === 'NOT_CANONICAL' ? 'NOT_CANONICAL' : 'BAD_REQUEST', p.message, p.code === 'BAD_SHAPE' ? { issues: p.issues } : undefined);
  }
  const report = parsed.report;
  if (report.workstationId !== ws.id) {
    throw new HttpError('WORKSTATION_MISMATCH', `the report is from workstation ${report.workstationId}, the request from ${ws.id}`);
  }
  if (!verifyWithPem(ws.publicKeyPem, utf8(text), signature)) {
    throw new HttpError('BAD_SIGNATURE', 'the signature does not verify over the report bytes with the enrolled key: the report was altered or signed by another key');
  }
  // Before any sequence is looked at or taken: a report with an impossible period never holds a number.
  const period = periodProblem(report, lc.now().toISOString());
  if (period) throw new HttpError(period.code, period.message, { period: report.period, createdAt: report.createdAt });

  // One workstation's pushes run one at a time (sequence and chain checks); others run beside them.
  const outcome = await lc.store.transaction((tx) => accept(tx, lc, report, text, signature), { lockKeys: [ws.id] });
  if (outcome.status === 'accepted') {
    lc.acceptedSinceStart++;
    if (lc.faults.crashAfterCommit !== undefined && lc.acceptedSinceStart >= lc.faults.crashAfterCommit) {
      // Test fault: the report is committed but the workstation never hears so.
      process.kill(process.pid, 'SIGKILL');
    }
  }
  return { status: outcome.status, receipt: { payload: outcome.stored.receiptPayload, signature: outcome.stored.receiptSignature } };
}

async function accept(
  tx: LenderStoreOps,
  lc: LenderContext,
  report: ProgressReport,
  text: string,
  signature: string,
): Promise<{ status: 'accepted' | 'duplicate'; stored: StoredReport }> {
  const sameId = await tx.reportById(report.id);
  if (sameId) {
    if (sameId.text === text) return { status: 'duplicate', stored: sameId };
    throw new HttpError('SEQUENCE_REPLAYED', `report id ${report.id} was already accepted with different content`);
  }
  const last = await tx.lastReport(report.workstationId, report.placementId);
  const lastSeq = last?.seq ?? 0;
  if (report.seq <= lastSeq) {
    const held = await tx.reportBySeq(report.workstationId, report.placementId, report.seq);
    if (held && held.text === text) return { status: 'duplicate', stored: held };
    throw new HttpError('SEQUENCE_REPLAYED', `sequence ${report.seq} of placement ${report.placementId} was already accepted (last accepted: ${lastSeq}) with different content`, {
      seq: report.seq,
      lastAccepted: lastSeq,
    });
  }
  if (report.seq > lastSeq + 1) {
    throw new HttpError('SEQUENCE_GAP', `expected sequence ${lastSeq + 1} for placement ${report.placementId}, got ${report.seq}`, {
      expected: lastSeq + 1,
      got: report.seq,
    });
  }
  const continuity = continuityProblem(report, last ? previousPeriodEnd(last) : undefined);
  if (continuity) throw new HttpError(continuity.code, continuity.message, { expectedFrom: last ? previousPeriodEnd(last) : null, from: report.period.from });
  if (!(await tx.isPlacementAssigned(report.placementId, report.workstationId))) {
    throw new HttpError('UNKNOWN_PLACEMENT', `placement ${report.placementId} was never assigned to workstation ${report.workstationId}`);
  }
  await checkFormulaPin(tx, report);
  const content = checkReportContent(report, sha256);
  if (!content.ok) {
    const p = content.problem;
    if (p.code === 'CHAIN_BROKEN') throw new HttpError('CHAIN_BROKEN', p.message, p.break);
    if (p.code === 'OWN_RECORD_ELIDED' || p.code === 'ELISION_UNPROVEN') throw new HttpError(p.code, p.message, { seq: p.seq });
    if (p.code === 'PERIOD_INVALID') throw new HttpError(p.code, p.message);
    throw new HttpError('REPORT_INCONSISTENT', p.message);
  }
  if (last && (report.chain.start.seq !== last.headSeq || report.chain.start.hash !== last.headHash)) {
    throw new HttpError(
      'CHAIN_DISCONTINUOUS',
      `report ${report.seq} starts at chain seq ${report.chain.start.seq} (${report.chain.start.hash}) but report ${last.seq} ended at seq ${last.headSeq} (${last.headHash})`,
      { expected: { seq: last.headSeq, hash: last.headHash }, actual: report.chain.start },
    );
  }
  const points = [report.chain.start, ...report.chain.links.map((l) => ({ seq: l.seq, hash: l.hash }))].filter((p) => p.seq > 0);
  const known = await tx.chainHashes(report.workstationId, points.map((p) => p.seq));
  for (const p of points) {
    const k = known.get(p.seq);
    if (k !== undefined && k !== p.hash) {
      throw new HttpError('CHAIN_FORKED', `chain seq ${p.seq} was reported before as ${k}, now as ${p.hash}: the workstation's history was rewritten`, {
        seq: p.seq,
        expected: k,
        actual: p.hash,
      });
    }
  }

  const bytes = utf8(text);
  const leafIndex = await tx.leafCount();
  const leaf = leafHash(bytes, sha256);
  await tx.appendLeaf(leafIndex, leaf, report.id);
  const leaves = await tx.leafHashes(leafIndex + 1);
  const acceptedAt = lc.now().toISOString();
  const receipt: Receipt = {
    format: RECEIPT_FORMAT,
    lenderId: lc.identity.info.id,
    reportId: report.id,
    workstationId: report.workstationId,
    placementId: report.placementId,
    seq: report.seq,
    reportHash: sha256Hex(bytes),
    chainHead: report.chain.head,
    ...(report.auditHead ? { auditHead: report.auditHead } : {}),
    leafIndex,
    treeSize: leafIndex + 1,
    rootHash: toHex(rootFromLeafHashes(leaves, sha256)),
    inclusionProof: inclusionProof(leafIndex, leaves, sha256).map(toHex),
    acceptedAt,
  };
  const receiptPayload = canonicalJson(receipt);
  const stored: StoredReport = {
    id: report.id,
    workstationId: report.workstationId,
    placementId: report.placementId,
    seq: report.seq,
    text,
    signature,
    headSeq: report.chain.head.seq,
    headHash: report.chain.head.hash,
    leafIndex,
    receiptPayload,
    receiptSignature: signWith(lc.identity.keys.privateKey, utf8(receiptPayload)),
    acceptedAt,
  };
  await tx.insertReport(stored);
  await tx.addChainHashes(report.workstationId, points);
  if (report.chain.taggedFrom !== undefined) await tx.setMeta(formulaPinKey(report.workstationId), String(report.chain.taggedFrom));
  return { status: 'accepted', stored };
}


const formulaPinKey = (workstationId: string): string => `chain.taggedFrom/${workstationId}`;

/**
 * A workstation switches to the tagged chain formula once, at one seq. The first report that states
 * the switch pins it; every later report must state the same seq, or a report could call its own
 * records untagged (formula 1) and elide them unseen.
 */
async function checkFormulaPin(tx: LenderStoreOps, report: ProgressReport): Promise<void> {
  const pinned = await tx.getMeta(formulaPinKey(report.workstationId));
  if (pinned === undefined || String(report.chain.taggedFrom) === pinned) return;
  throw new HttpError(
    'CHAIN_FORMULA_CHANGED',
    `workstation ${report.workstationId} switched to the tagged chain formula at seq ${pinned}; this report says ${report.chain.taggedFrom === undefined ? 'it never did' : `seq ${report.chain.taggedFrom}`}`,
    { expected: Number(pinned), actual: report.chain.taggedFrom ?? null },
  );
}

/** Where the placement's previous accepted report ended: its text passed every check when it was accepted. */
const previousPeriodEnd = (last: StoredReport): string => (JSON.parse(last.text) as ProgressReport).period.to;
