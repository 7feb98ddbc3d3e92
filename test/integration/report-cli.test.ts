/**
 * `casedesk report export|verify` over a real database file, checked with openssl when installed
 * (the test says so when it is not).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { missing } from '../support/tools';
import { cliIo } from '../support/cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalBytes, canonicalJson, utf8 } from '../../common/domain/chain/canonical';
import { placementTag, recordDigest } from '../../common/domain/chain/tagged';
import { summarize } from '../../common/domain/report/summary';
import { ProgressReportSchema, type ProgressReport } from '../../common/protocol/report';
import { generateEd25519, publicKeyPem, signBytes } from '../../main/backend/crypto/ed25519';
import { sha256 } from '../../main/backend/crypto/hash';
import { writeReportFiles } from '../../main/backend/reports/files';
import { passphraseProtector } from '../../main/backend/crypto/protect';
import { loadIdentity, unlockSigner } from '../../main/backend/sync/identity';
import { report } from '../../main/cli/commands/report';
import { insertCollector, logActivity, openTestApp, recordPayment, seedLocalPlacement, tempDir } from './sync/fixtures';

const PASS_ENV = 'CASEDESK_TEST_REPORT_PASSPHRASE';
const PASSPHRASE = 'a long enough test passphrase';

function findOpenssl(): string | undefined {
  for (const p of ['/usr/bin/openssl', '/usr/local/bin/openssl']) if (existsSync(p)) return p;
  const which = spawnSync('which', ['openssl'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() || undefined : undefined;
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = cliIo();
  const code = await report(args, c.io);
  return { code, out: c.out(), err: c.err() };
}

let tmp: ReturnType<typeof tempDir>;
let dbFile: string;
let placementId: string;
let outDir: string;

beforeAll(async () => {
  tmp = tempDir();
  dbFile = join(tmp.dir, 'casedesk.sqlite');
  const app = openTestApp(dbFile);
  const seeded = seedLocalPlacement(app.db, { cases: 2 });
  placementId = seeded.placementId;
  const collector = insertCollector(app.db);
  for (let i = 0; i < 5; i++) {
    logActivity(app, { caseId: seeded.caseIds[i % 2]!, placementId, collectorId: collector, at: `2026-03-02T0${i}:00:00.000Z`, channel: i % 2 ? 'sms' : 'call' });
  }
  recordPayment(app, { caseId: seeded.caseIds[0]!, placementId, at: '2026-03-02T06:00:00.000Z', amountMinor: 12_345, reference: 'R-1' });
  app.db.close();
  process.env[PASS_ENV] = PASSPHRASE;
  outDir = join(tmp.dir, 'export');
  const res = await run(['export', '--db', dbFile, '--placement', placementId, '--out', outDir, '--from', '2026-03-01', '--to', '2026-03-02', '--passphrase-env', PASS_ENV]);
  expect(res.err).toMatch(/created a signing key/);
  expect(res.code).toBe(0);
  expect(res.out).toMatch(/openssl pkeyutl -verify/);
});

afterAll(() => {
  delete process.env[PASS_ENV];
  tmp.cleanup();
});

describe('casedesk report export / verify', () => {
  it('writes the exact signed canonical bytes, a raw 64-byte signature and an SPKI PEM', () => {
    const text = readFileSync(join(outDir, 'report.json'), 'utf8');
    const r = ProgressReportSchema.parse(JSON.parse(text));
    expect(canonicalJson(r)).toBe(text);
    expect(r).toMatchObject({ placementId, seq: 1, period: { from: '2026-03-01T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z' } });
    expect(r.summary).toMatchObject({ records: 6, attemptsByChannel: { call: 3, sms: 2 }, amountsCollected: { CNY: 12_345 } });
    expect(readFileSync(join(outDir, 'report.sig')).length).toBe(64);
    expect(readFileSync(join(outDir, 'workstation.pub.pem'), 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
  });

  // Skipped (and counted as skipped) where openssl is missing: never passed without running.
  it.skipIf(missing('openssl'))('verifies with openssl pkeyutl (independent of CaseDesk)', () => {
    const openssl = findOpenssl() ?? 'openssl';
    const args = ['pkeyutl', '-verify', '-pubin', '-inkey', join(outDir, 'workstation.pub.pem'), '-rawin', '-in', join(outDir, 'report.json'), '-sigfile', join(outDir, 'report.sig')];
    expect(execFileSync(openssl, args, { encoding: 'utf8' })).toMatch(/Signature Verified Successfully/);
    const bad = join(tmp.dir, 'bad');
    execFileSync('cp', ['-r', outDir, bad]);
    const bytes = readFileSync(join(bad, 'report.json'));
    bytes[10] = bytes[10]! ^ 1;
    writeFileSync(join(bad, 'report.json'), bytes);
    const res = spawnSync(openssl, ['pkeyutl', '-verify', '-pubin', '-inkey', join(bad, 'workstation.pub.pem'), '-rawin', '-in', join(bad, 'report.json'), '-sigfile', join(bad, 'report.sig')], { encoding: 'utf8' });
    expect(res.status).not.toBe(0);
    expect(res.stdout + res.stderr).toMatch(/Signature Verification Failure/);
  });

  it('report verify says OK for an intact folder', async () => {
    const res = await run(['verify', outDir]);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/^OK: report .* signature verified; 6 records; chain continuous from seq 0 to 6/);
  });

  it('report verify names what is wrong: one altered byte, a removed record, missing files', async () => {
    const altered = join(tmp.dir, 'altered');
    execFileSync('cp', ['-r', outDir, altered]);
    const text = readFileSync(join(altered, 'report.json'), 'utf8');
    writeFileSync(join(altered, 'report.json'), text.replace('"sms"', '"SMS"'));
    let res = await run(['verify', altered]);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/^FAILED BAD_SIGNATURE: the signature does not verify over report.json/);

    // A removed record, re-signed with the workstation's own key: the chain gives it away.
    const removed = join(tmp.dir, 'removed');
    execFileSync('cp', ['-r', outDir, removed]);
    const r = ProgressReportSchema.parse(JSON.parse(text));
    r.chain.links.splice(2, 1);
    const newText = canonicalJson(r);
    const probe = openTestApp(dbFile);
    const signer = unlockSigner(loadIdentity(probe.db)!, passphraseProtector(PASSPHRASE));
    probe.db.close();
    writeFileSync(join(removed, 'report.json'), newText);
    writeFileSync(join(removed, 'report.sig'), signer.sign(utf8(newText)));
    res = await run(['verify', removed]);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/^FAILED CHAIN_BROKEN: link 2: expected chain seq 3 after 2, found 4/);

    res = await run(['verify', join(tmp.dir, 'nowhere')]);
    expect(res.err).toMatch(/^FAILED MISSING_FILE: .*report.json is missing/);
  });

  it('a second export continues the chain and the sequence', async () => {
    const again = join(tmp.dir, 'export2');
    const res = await run(['export', '--db', dbFile, '--placement', placementId, '--out', again, '--passphrase-env', PASS_ENV]);
    expect(res.code).toBe(0);
    const first = ProgressReportSchema.parse(JSON.parse(readFileSync(join(outDir, 'report.json'), 'utf8')));
    const second = ProgressReportSchema.parse(JSON.parse(readFileSync(join(again, 'report.json'), 'utf8')));
    expect(second.seq).toBe(2);
    expect(second.chain.start).toEqual(first.chain.head);
    expect(second.period.from).toBe(first.period.to);
    expect((await run(['verify', again])).code).toBe(0);
  });

  it('usage mistakes are UsageErrors (the dispatcher prints one line, exit 2)', async () => {
    await expect(run(['export', '--db', dbFile, '--out', outDir])).rejects.toThrow(/missing --placement/);
    await expect(run(['export', '--db', dbFile, '--placement', placementId, '--out', outDir, '--from', '2026-02-30'])).rejects.toThrow(/not a calendar date/);
    await expect(run(['export', '--db', dbFile, '--placement', 'nope', '--out', outDir, '--passphrase-env', PASS_ENV])).rejects.toThrow(/no placement with id or code "nope"/);
    await expect(run(['export', '--db', dbFile, '--placement', placementId, '--out', outDir, '--passphrase-env', 'UNSET_VAR_X'])).rejects.toThrow(/UNSET_VAR_X/);
    await expect(run(['frobnicate'])).rejects.toThrow(/unknown subcommand "frobnicate"/);
    await expect(run(['verify'])).rejects.toThrow(/exactly one folder/);
  });
});

/** The attacker's folder: the report re-signed with a key of their own, that key beside it. */
function forgedFolder(name: string, r: ProgressReport): string {
  const dir = join(tmp.dir, name);
  const keys = generateEd25519();
  const text = canonicalJson(r);
  writeReportFiles(dir, text, signBytes(utf8(text), keys.privateKey), publicKeyPem(keys.publicKey));
  return dir;
}

/** The exported report with its own payment links elided and the summary recomputed by the project's own summarize. */
function withPaymentsElided(r: ProgressReport, tagged: boolean): ProgressReport {
  const links: ProgressReport['chain']['links'] = r.chain.links.map((l) => {
    if (l.record?.type !== 'payment') return l;
    const bare = { seq: l.seq, hash: l.hash };
    return tagged ? { ...bare, tag: placementTag(l.record.placementId, sha256), digest: recordDigest(canonicalBytes(l.record), sha256) } : bare;
  });
  const shown = links.flatMap((l) => (l.record ? [l.record] : []));
  return { ...r, summary: summarize(shown, r.period.from), chain: { ...r.chain, links } };
}

describe('casedesk report verify against a forger (issue 15)', () => {
  const exported = (): ProgressReport => ProgressReportSchema.parse(JSON.parse(readFileSync(join(outDir, 'report.json'), 'utf8')));
  const pinnedKey = (): string => {
    const probe = openTestApp(dbFile);
    const pem = loadIdentity(probe.db)!.publicKeyPem;
    probe.db.close();
    const file = join(tmp.dir, 'pinned-at-enrolment.pem');
    writeFileSync(file, pem);
    return file;
  };

  it('refuses the exported report with its own payments elided and re-signed by another key; the control re-signed without elision verifies', async () => {
    const r = exported();
    expect(r.summary.amountsCollected).toEqual({ CNY: 12_345 });
    const control = await run(['verify', forgedFolder('control', r)]);
    expect(control.code).toBe(0);

    const bare = await run(['verify', forgedFolder('elided-bare', withPaymentsElided(r, false))]);
    expect(bare.code).toBe(1);
    expect(bare.err).toMatch(/^FAILED ELISION_UNPROVEN: seq 6: the link is elided without the placement tag/);

    const tagged = await run(['verify', forgedFolder('elided-tagged', withPaymentsElided(r, true))]);
    expect(tagged.code).toBe(1);
    expect(tagged.err).toMatch(/^FAILED OWN_RECORD_ELIDED: seq 6: a record of this report's own placement is elided/);
  });

  it.skipIf(missing('openssl'))('prints the signer key fingerprint as openssl gives it, and the workstation the report claims', async () => {
    const res = await run(['verify', outDir]);
    const printed = /signer key sha256: ([0-9a-f]{64})/.exec(res.out)?.[1];
    expect(res.out).toContain(`claims to be: workstation ${exported().workstationId}`);
    expect(res.out).toMatch(/key was read from the folder/);
    const openssl = findOpenssl() ?? 'openssl';
    const viaOpenssl = execFileSync('sh', ['-c', `"${openssl}" pkey -pubin -in "${join(outDir, 'workstation.pub.pem')}" -outform DER | sha256sum`], { encoding: 'utf8' });
    expect(viaOpenssl.split(/\s/)[0]).toBe(printed);
  });

  it('--key refuses a report signed by any other key and accepts the genuine one', async () => {
    const key = pinnedKey();
    const genuine = await run(['verify', outDir, '--key', key]);
    expect(genuine.code).toBe(0);
    expect(genuine.out).toMatch(/the signer is the pinned key/);

    // Altered content, re-signed with another key that the folder now carries: valid in itself, not the pinned signer.
    const altered = exported();
    altered.summary.amountsCollected = { CNY: 0 };
    altered.chain.links = altered.chain.links.filter((l) => l.seq <= 5);
    const forged = forgedFolder('forged-signer', { ...altered, chain: { ...altered.chain, head: { seq: 5, hash: altered.chain.links.at(-1)!.hash } }, summary: summarize(altered.chain.links.flatMap((l) => (l.record ? [l.record] : [])), altered.period.from) });
    expect((await run(['verify', forged])).code).toBe(0);
    const refused = await run(['verify', forged, '--key', key]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^FAILED SIGNER_NOT_PINNED: the report is not signed by the pinned key/);
    await expect(run(['verify', outDir, '--key', join(tmp.dir, 'no-such.pem')])).rejects.toThrow(/--key: cannot read/);
  });
});
