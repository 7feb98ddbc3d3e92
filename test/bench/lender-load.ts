/**
 * `npm run lender:load -- --store postgres|sqlite --workstations N --reports M [--json] [--database-url URL]`
 *
 * A load test of the lender server as a thousand-workstation lender would see it. N simulated
 * workstations, each with its own Ed25519 key and record chain, enrol with one-time codes and are
 * assigned a placement; each then pushes M signed progress reports of realistic size (a few dozen
 * records of its placement, a few elided records of another), in order, all workstations at once.
 * Mixed in: replays of accepted reports (each must be answered with the original receipt) and
 * tampered reports — a flipped byte, a record removed and re-signed, altered figures re-signed, a
 * report signed by another key — each of which must be refused. At the end every receipt's
 * inclusion proof is checked, and every receipt's tree (size, root) must be a prefix of the final
 * log: the log only grew.
 *
 * With --store postgres and no --database-url, a throwaway PostgreSQL cluster is started
 * (test/support/postgres.ts) and removed afterwards. The last line with --json is one JSON object.
 */
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { canonicalJson, utf8 } from '../../common/domain/chain/canonical';
import { GENESIS_HASH } from '../../common/domain/chain/hash';
import { placementTag, recordDigest, taggedChainHash } from '../../common/domain/chain/tagged';
import { toHex } from '../../common/domain/chain/hex';
import type { ChainEntry, ChainRecord } from '../../common/domain/chain/record';
import { buildReport } from '../../common/domain/report/build';
import { authSigningString, formatAuthHeader } from '../../common/protocol/auth';
import { rootFromLeafHashes, verifyInclusionHex } from '../../common/protocol/merkle';
import type { ProgressReport } from '../../common/protocol/report';
import { ReceiptSchema, type Receipt } from '../../common/protocol/receipt';
import { startLenderServer, type LenderServer } from '../../lender/app';
import { sha256, sha256Hex } from '../../lender/crypto';
import { openPostgresLenderStore } from '../../lender/store/postgres';
import { startPgCluster, type PgCluster } from '../support/postgres';

interface Options {
  store: 'postgres' | 'sqlite';
  workstations: number;
  reports: number;
  json: boolean;
  databaseUrl?: string;
  recordsPerReport: number;
}

function options(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      store: { type: 'string', default: 'sqlite' },
      workstations: { type: 'string', default: '200' },
      reports: { type: 'string', default: '5' },
      records: { type: 'string', default: '40' },
      json: { type: 'boolean', default: false },
      'database-url': { type: 'string' },
    },
    strict: true,
  });
  const store = values.store;
  if (store !== 'postgres' && store !== 'sqlite') throw new Error('--store is postgres or sqlite');
  const n = (v: string | undefined, name: string, max: number) => {
    const x = Number(v);
    if (!Number.isInteger(x) || x < 1 || x > max) throw new Error(`--${name} must be a whole number from 1 to ${max}`);
    return x;
  };
  return {
    store,
    workstations: n(values.workstations, 'workstations', 10_000),
    reports: n(values.reports, 'reports', 1_000),
    recordsPerReport: n(values.records, 'records', 5_000),
    json: values.json ?? false,
    databaseUrl: values['database-url'],
  };
}

interface Desk {
  id: string;
  key: KeyObject;
  publicKeyPem: string;
  placementId: string;
  otherPlacementId: string;
  head: { seq: number; hash: string };
  reportSeq: number;
}

function newDesk(): Desk {
  const pair = generateKeyPairSync('ed25519');
  return {
    id: randomUUID(),
    key: pair.privateKey,
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    placementId: randomUUID(),
    otherPlacementId: randomUUID(),
    head: { seq: 0, hash: GENESIS_HASH },
    reportSeq: 0,
  };
}

const CHANNELS = ['call', 'sms', 'email', 'letter', 'visit'] as const;
const RESULTS = ['connected', 'no_answer', 'voicemail', 'busy'] as const;

/** Chains `count` records on the desk (most of its placement, every eighth of another) and returns them. */
function chainRecords(desk: Desk, count: number, at: Date): ChainEntry[] {
  const out: ChainEntry[] = [];
  for (let i = 0; i < count; i++) {
    const own = i % 8 !== 7;
    const seq = desk.head.seq + 1;
    const kind = i % 10;
    const record: ChainRecord = {
      type: kind === 9 ? 'payment' : kind === 8 ? 'promise' : 'activity',
      id: randomUUID(),
      caseId: randomUUID(),
      placementId: own ? desk.placementId : desk.otherPlacementId,
      at: new Date(at.getTime() - (count - i) * 1000).toISOString(),
      body:
        kind === 9
          ? { amountMinor: 1000 + i, currency: 'CNY', paidOn: at.toISOString().slice(0, 10), reference: `R-${seq}` }
          : kind === 8
            ? { amountMinor: 5000, currency: 'CNY', dueDate: at.toISOString().slice(0, 10), status: 'open' }
            : { channel: CHANNELS[i % 5], party: 'borrower', result: RESULTS[i % 4], outcome: 'no_answer', text: '客户表示下周还款，已告知还款渠道。' },
      seq,
      workstationId: desk.id,
    };
    const hash = taggedChainHash(desk.head.hash, placementTag(record.placementId, sha256), recordDigest(utf8(canonicalJson(record)), sha256), sha256);
    out.push({ record, prevHash: desk.head.hash, hash });
    desk.head = { seq, hash };
  }
  return out;
}

interface Push {
  desk: Desk;
  text: string;
  signature: string;
  kind: 'genuine' | 'replay' | 'tampered';
}

function signText(key: KeyObject, text: string): string {
  return sign(null, utf8(text), key).toString('base64');
}

function reportFor(desk: Desk, records: number, from: Date, to: Date): ProgressReport {
  const start = { ...desk.head };
  const entries = chainRecords(desk, records, to);
  desk.reportSeq += 1;
  return buildReport({
    id: randomUUID(),
    workstationId: desk.id,
    placementId: desk.placementId,
    seq: desk.reportSeq,
    period: { from: from.toISOString(), to: to.toISOString() },
    createdAt: to.toISOString(),
    start,
    entries,
    // Every link is chained with the tagged formula, so elided links carry tag and digest from the start.
    taggedFrom: 1,
    sha256,
  });
}

/** Four ways to tamper with a genuine report; each must be refused. */
function tampered(desk: Desk, report: ProgressReport, text: string, signature: string, variant: number): Push {
  const other = generateKeyPairSync('ed25519').privateKey;
  switch (variant % 4) {
    case 0: {
      // A flipped byte in a record's text, signature kept.
      const i = text.indexOf('下周');
      return { desk, text: `${text.slice(0, i)}本周${text.slice(i + 2)}`, signature, kind: 'tampered' };
    }
    case 1: {
      // A record removed and the report re-signed by its own key: the chain no longer links.
      const links = report.chain.links.filter((_, j) => j !== 1);
      const t = canonicalJson({ ...report, chain: { ...report.chain, links } });
      return { desk, text: t, signature: signText(desk.key, t), kind: 'tampered' };
    }
    case 2: {
      // Figures altered, re-signed.
      const summary = { ...report.summary, rightPartyContacts: report.summary.rightPartyContacts + 5 };
      const t = canonicalJson({ ...report, summary });
      return { desk, text: t, signature: signText(desk.key, t), kind: 'tampered' };
    }
    default:
      // Signed by a key the lender never enrolled.
      return { desk, text, signature: signText(other, text), kind: 'tampered' };
  }
}

async function post(url: string, desk: Desk, pathName: string, body: string): Promise<{ status: number; json: unknown }> {
  const ts = new Date().toISOString();
  const sig = sign(null, utf8(authSigningString('POST', pathName, ts, sha256Hex(body))), desk.key).toString('base64');
  const res = await fetch(`${url}${pathName}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: formatAuthHeader({ workstationId: desk.id, timestamp: ts, signature: sig }) },
    body,
  });
  return { status: res.status, json: await res.json() };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function openServer(o: Options, dir: string): Promise<{ server: LenderServer; cluster?: PgCluster }> {
  if (o.store === 'sqlite') return { server: await startLenderServer({ port: 0, dbFile: path.join(dir, 'lender.sqlite') }) };
  const cluster = o.databaseUrl ? undefined : startPgCluster();
  const store = await openPostgresLenderStore({ connectionString: o.databaseUrl ?? cluster!.url, max: 20 });
  return { server: await startLenderServer({ port: 0, dbFile: '', store }), cluster };
}

export async function runLenderLoad(o: Options): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'casedesk-lender-load-'));
  const { server, cluster } = await openServer(o, dir);
  try {
    // Enrol and assign every workstation (not timed).
    const desks = Array.from({ length: o.workstations }, newDesk);
    const now = new Date();
    for (const d of desks) {
      const code = await server.issueEnrollmentCode();
      const res = await fetch(`${server.url}/v1/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, workstationId: d.id, publicKeyPem: d.publicKeyPem, name: `load ${d.id.slice(0, 8)}` }),
      });
      if (res.status !== 200) throw new Error(`enrolment failed: ${res.status} ${await res.text()}`);
      await server.store.addPlacementAudience(d.placementId, d.id, now.toISOString());
    }

    // Build and sign every report up front (not timed): per workstation, its reports in order,
    // with a replay after every third and a tampered copy after every fifth.
    const plans: Push[][] = desks.map((d) => {
      const list: Push[] = [];
      for (let r = 0; r < o.reports; r++) {
        const to = new Date(now.getTime() - (o.reports - r - 1) * 3600_000);
        const from = new Date(to.getTime() - 3600_000);
        const report = reportFor(d, o.recordsPerReport, from, to);
        const text = canonicalJson(report);
        const signature = signText(d.key, text);
        list.push({ desk: d, text, signature, kind: 'genuine' });
        if (r % 3 === 2) list.push({ desk: d, text, signature, kind: 'replay' });
        if (r % 5 === 4) list.push(tampered(d, report, text, signature, list.length));
      }
      return list;
    });

    const latencies: number[] = [];
    const receipts: Receipt[] = [];
    const firstReceipt = new Map<string, string>();
    let accepted = 0;
    let duplicates = 0;
    let refusedTampered = 0;
    let acceptedTampered = 0;
    let unexpected = 0;
    const started = performance.now();
    await Promise.all(
      plans.map(async (list) => {
        for (const p of list) {
          const body = JSON.stringify({ report: p.text, signature: p.signature });
          const t0 = performance.now();
          const res = await post(server.url, p.desk, '/v1/reports', body);
          latencies.push(performance.now() - t0);
          const answer = res.json as { status?: string; receipt?: { payload: string } };
          if (p.kind === 'tampered') {
            if (res.status === 200) acceptedTampered++;
            else refusedTampered++;
            continue;
          }
          if (res.status !== 200 || !answer.receipt) {
            unexpected++;
            continue;
          }
          const receipt = ReceiptSchema.parse(JSON.parse(answer.receipt.payload));
          if (p.kind === 'replay') {
            duplicates++;
            if (answer.status !== 'duplicate' || firstReceipt.get(receipt.reportId) !== answer.receipt.payload) unexpected++;
          } else {
            accepted++;
            firstReceipt.set(receipt.reportId, answer.receipt.payload);
            receipts.push(receipt);
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    // The log only grew: every receipt's tree is a prefix of the final log, and its proof holds.
    const size = await server.store.leafCount();
    const leaves = await server.store.leafHashes(size);
    let merkleConsistent = size === accepted;
    const rootAt = new Map<number, string>();
    for (const r of receipts) {
      if (!rootAt.has(r.treeSize)) rootAt.set(r.treeSize, toHex(rootFromLeafHashes(leaves.slice(0, r.treeSize), sha256)));
      const report = await server.store.reportById(r.reportId);
      const ok =
        report !== undefined &&
        rootAt.get(r.treeSize) === r.rootHash &&
        verifyInclusionHex(utf8(report.text), r.leafIndex, r.treeSize, r.inclusionProof, r.rootHash, sha256);
      if (!ok) merkleConsistent = false;
    }
    latencies.sort((a, b) => a - b);
    return {
      store: o.store,
      workstations: o.workstations,
      reports: o.workstations * o.reports,
      accepted,
      duplicates,
      refused_tampered: refusedTampered,
      accepted_tampered: acceptedTampered,
      unexpected,
      reports_per_s: Math.round(accepted / seconds),
      p50_ms: Number(percentile(latencies, 50).toFixed(1)),
      p95_ms: Number(percentile(latencies, 95).toFixed(1)),
      merkle_consistent: merkleConsistent,
    };
  } finally {
    await server.close();
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  let o: Options;
  try {
    o = options(process.argv.slice(2));
  } catch (err) {
    console.error(`lender:load: ${(err as Error).message}`);
    console.error('usage: npm run lender:load -- --store postgres|sqlite --workstations N --reports M [--records K] [--json] [--database-url URL]');
    process.exit(2);
  }
  const result = await runLenderLoad(o);
  if (!o.json) {
    for (const [k, v] of Object.entries(result)) console.log(`${k.padEnd(18)} ${String(v)}`);
  }
  console.log(JSON.stringify(result));
  const failed = result.accepted_tampered !== 0 || result.unexpected !== 0 || result.merkle_consistent !== true;
  process.exit(failed ? 1 : 0);
}

if (require.main === module) void main();
