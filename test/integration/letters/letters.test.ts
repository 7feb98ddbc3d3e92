/**
 * Letters that can be mailed, through the backend's one door over a real SQLite file: both address
 * blocks and a locale date in the PDF (read back with pdftotext), the draft that records nothing,
 * the validation notice's itemization, and the complaint letters under a complaint pause.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, Result } from '../../../common/api/result';
import type { LetterPreview, LogContactResult, TemplateSummary } from '../../../common/api/types';
import { itemizationAddsUp } from '../../../common/domain/letters/balance';
import { letterBalance } from '../../../main/backend/services/letters';
import { dbFingerprint, demoBackend, tempDir } from '../../support/backend';

/** Wednesday 25 Nov 2026, 10:00 in New York, 15:00 in London. */
const US_DAYTIME = '2026-11-25T15:00:00.000Z';

let t: ReturnType<typeof demoBackend>;
beforeAll(() => {
  t = demoBackend({ cases: 120, now: US_DAYTIME });
});
afterAll(() => t.cleanup());

interface Picked {
  caseId: string;
  reference: string;
  address: string;
  addressPointId: string;
}

/** A US case with nothing pausing it, with its borrower's postal-address contact point. */
function usCase(skip: string[] = []): Picked {
  const row = t.db
    .prepare(
      `SELECT c.id AS caseId, c.reference, cp.value AS address, cp.id AS addressPointId
       FROM cases c JOIN placements p ON p.id = c.placement_id
       JOIN contact_points cp ON cp.borrower_id = c.borrower_id AND cp.kind = 'address' AND cp.party = 'borrower'
       WHERE p.preset = 'us-regf' AND c.status = 'open' AND c.flag_dispute = 0 AND c.flag_cease = 0 AND c.flag_complaint = 0
         AND c.flag_attorney = 0 AND c.flag_bankrupt = 0 AND c.flag_deceased = 0 AND c.flag_hardship = 0
       ORDER BY c.reference`,
    )
    .all() as Picked[];
  const pick = row.find((r) => !skip.includes(r.caseId));
  if (!pick) throw new Error('no plain US case in the demo');
  return pick;
}

async function template(caseId: string, name: string): Promise<TemplateSummary> {
  const list = await t.call<TemplateSummary[]>('letters.templates', { caseId });
  const found = list.find((x) => x.name === name);
  if (!found) throw new Error(`no template ${name}`);
  return found;
}

async function refusal(name: string, input: unknown): Promise<ApiErrorBody> {
  const r = (await t.backend.dispatch(name, input)) as Result<unknown>;
  if (r.ok) throw new Error(`${name} was not refused`);
  return r.error;
}

function poppler(tool: 'pdftotext' | 'pdfinfo', base64: string): string {
  const dir = tempDir('casedesk-letter-');
  const file = path.join(dir, 'letter.pdf');
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  try {
    return execFileSync(tool, tool === 'pdftotext' ? ['-layout', file, '-'] : [file], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
const pdfText = (base64: string) => poppler('pdftotext', base64);
/** The watermark is drawn rotated (pdftotext scatters its letters); the document title says DRAFT too. */
const pdfTitle = (base64: string) => /^Title:\s*(.*)$/m.exec(poppler('pdfinfo', base64))?.[1] ?? '';

const squash = (s: string) => s.replace(/\s+/g, ' ');

describe('letter templates', () => {
  it('names every template by what it is for', async () => {
    const { caseId } = usCase();
    const list = await t.call<TemplateSummary[]>('letters.templates', { caseId });
    const types = new Set(list.filter((x) => x.kind === 'letter').map((x) => x.letterType));
    expect([...types].sort()).toEqual(
      ['collection', 'complaint_acknowledgement', 'complaint_final_response', 'paid_in_full', 'plan_confirmation', 'promise_confirmation', 'settled', 'validation_notice'].sort(),
    );
    expect(list.filter((x) => x.kind !== 'letter').every((x) => x.letterType === 'collection')).toBe(true);
  });
});

describe('the US validation notice', () => {
  it('itemizes from the itemization date, and the lines add up to the amount now, after a payment', async () => {
    const { caseId } = usCase();
    const before = letterBalance(t.db, caseId);
    await t.call('promises.recordPayment', { caseId, amountMinor: 12_345, paidOn: '2026-11-20', reference: 'LTR-TEST-1' });
    const b = letterBalance(t.db, caseId);
    expect(b.paymentsMinor).toBe(before.paymentsMinor + 12_345);
    expect(b.amountNowMinor).toBe(before.amountNowMinor - 12_345);
    expect(itemizationAddsUp(b)).toBe(true);

    const v = await template(caseId, 'us-regf.validation-notice.en');
    const preview = await t.call<LetterPreview>('letters.preview', { caseId, templateId: v.id });
    // Read the amounts back off the rendered letter: then + interest + fees − payments − credits = now.
    const amount = (label: string) => {
      const m = new RegExp(`${label}[^\\n]*?\\$([\\d,]+\\.\\d{2})`).exec(preview.body);
      if (!m) throw new Error(`no ${label} in the notice`);
      return Math.round(Number(m[1]!.replace(/,/g, '')) * 100);
    };
    const then = amount('you owed:');
    const interest = amount('in interest:');
    const fees = amount('in fees:');
    const paid = amount('You paid this amount');
    const credited = amount('You were credited');
    const now = amount('Total amount of the debt now:');
    expect(then + interest + fees - paid - credited).toBe(now);
    expect(paid).toBe(b.paymentsMinor);
    expect(now).toBe(b.amountNowMinor);
    // Dates in the US order, spelt out; the validation period ends 35 days after today.
    expect(preview.body).toContain('December 30, 2026');
    expect(preview.findings).toEqual([]);

    // Sent, it becomes the case's validation notice (what US-VALIDATION reads).
    const point = usCase().addressPointId;
    const sent = await t.call<LogContactResult>('letters.send', { caseId, templateId: v.id, contactPointId: point });
    expect(sent.activityId).not.toBeNull();
    const notice = JSON.parse((t.db.prepare('SELECT notice_json FROM cases WHERE id = ?').get(caseId) as { notice_json: string }).notice_json) as { kind: string; sentAt: string };
    expect(notice).toMatchObject({ kind: 'validation_notice', sentAt: US_DAYTIME });
  });
});

describe('letter PDFs', () => {
  it('a draft carries both addresses, the amount and a date in the letter’s locale, and records nothing', async () => {
    const { caseId, address, addressPointId } = usCase();
    const v = await template(caseId, 'us-regf.letter.en');
    const before = dbFingerprint(t.db);
    const draft = await t.call<{ fileName: string; base64: string }>('letters.draftPdf', { caseId, templateId: v.id, contactPointId: addressPointId });
    const after = dbFingerprint(t.db);
    for (const table of Object.keys(before)) if (table !== 'audit_log') expect(after[table], table).toBe(before[table]);
    expect(after.audit_log).not.toBe(before.audit_log);

    const text = squash(pdfText(draft.base64));
    expect(draft.fileName).toContain('DRAFT');
    expect(pdfTitle(draft.base64)).toMatch(/^DRAFT /);
    expect(text).toContain('Hengxin Recovery Services LLC');
    expect(text).toContain('350 Fifth Avenue, Suite 4200');
    expect(text).toContain('New York, NY 10118');
    for (const part of address.split(',').map((s) => s.trim())) expect(text).toContain(part);
    expect(text).toContain('November 25, 2026');
    const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(letterBalance(t.db, caseId).amountNowMinor / 100);
    expect(text).toContain(money);
  });

  it('a sent letter’s PDF is addressed to the contact point it was sent to, and is no draft', async () => {
    const { caseId, addressPointId } = usCase();
    const other = `77 Elm Street, Apt 5\nHartford, CT 06103`;
    const borrowerId = (t.db.prepare('SELECT borrower_id FROM cases WHERE id = ?').get(caseId) as { borrower_id: string }).borrower_id;
    t.db.prepare("UPDATE borrowers SET address = ? WHERE id = ?").run(other, borrowerId);
    const v = await template(caseId, 'us-regf.letter.en');
    const sent = await t.call<LogContactResult>('letters.send', { caseId, templateId: v.id, contactPointId: addressPointId });
    expect(sent.activityId).not.toBeNull();
    const pdf = await t.call<{ base64: string }>('letters.pdf', { caseId, activityId: sent.activityId });
    const text = squash(pdfText(pdf.base64));
    expect(text).not.toContain('77 Elm Street');
    expect(pdfTitle(pdf.base64)).not.toContain('DRAFT');
    // Without a chosen address, the borrower's own address is used.
    const draft = await t.call<{ base64: string }>('letters.draftPdf', { caseId, templateId: v.id });
    const draftText = squash(pdfText(draft.base64));
    expect(draftText).toContain('77 Elm Street, Apt 5');
    expect(draftText).toContain('Hartford, CT 06103');
  });

  it('a zh-CN letter is dated in Chinese', async () => {
    const { caseId } = usCase();
    const v = await template(caseId, 'us-regf.letter.zh-CN');
    const draft = await t.call<{ base64: string }>('letters.draftPdf', { caseId, templateId: v.id });
    expect(pdfText(draft.base64)).toContain('2026年11月25日');
  });
});

describe('event letters', () => {
  it('are refused, by what is missing, when the case has nothing to confirm', async () => {
    const { caseId } = usCase();
    for (const [name, key] of [
      ['us-regf.promise-confirmation.en', 'letters.noPromise'],
      ['us-regf.plan-confirmation.en', 'letters.noPlan'],
      ['us-regf.paid-in-full.en', 'letters.outcomeRequired'],
      ['us-regf.complaint-acknowledgement.en', 'letters.noComplaint'],
    ] as const) {
      const v = await template(caseId, name);
      const e = await refusal('letters.preview', { caseId, templateId: v.id });
      expect(e.code, name).toBe('CONFLICT');
      expect(e.reason?.key, name).toBe(key);
    }
  });

  it('a promise confirmation states the promise’s amount and date', async () => {
    const { caseId } = usCase();
    await t.call('promises.create', { caseId, amountMinor: 250_000, dueDate: '2026-12-04' });
    const v = await template(caseId, 'us-regf.promise-confirmation.en');
    const preview = await t.call<LetterPreview>('letters.preview', { caseId, templateId: v.id });
    expect(preview.body).toContain('$2,500.00 on or before December 4, 2026');
  });
});

describe('complaint letters under a complaint pause', () => {
  it('the acknowledgement and final response go out; a collection letter and a call stay blocked', async () => {
    const first = usCase();
    const { caseId, addressPointId } = usCase([first.caseId]);
    const complaint = await t.call<{ id: string }>('complaints.create', { caseId, category: 'conduct', channel: 'call', description: 'Called me at work twice.' });
    const collection = await template(caseId, 'us-regf.letter.en');
    const blocked = await t.call<LetterPreview>('letters.preview', { caseId, templateId: collection.id, contactPointId: addressPointId });
    expect(blocked.decision.reasons.map((r) => r.rule)).toContain('US-COMPLAINT');
    expect(blocked.decision.verdict).toBe('block');
    const e = await refusal('letters.send', { caseId, templateId: collection.id, contactPointId: addressPointId });
    expect(e.code).toBe('GUARDRAIL_BLOCKED');

    const ack = await template(caseId, 'us-regf.complaint-acknowledgement.en');
    const ackPreview = await t.call<LetterPreview>('letters.preview', { caseId, templateId: ack.id, contactPointId: addressPointId });
    expect(ackPreview.decision.reasons.map((r) => r.rule)).not.toContain('US-COMPLAINT');
    const sentAck = await t.call<LogContactResult>('letters.send', { caseId, templateId: ack.id, contactPointId: addressPointId });
    expect(sentAck.activityId).not.toBeNull();

    // The final response needs the response written first, then goes out under the same pause.
    const final = await template(caseId, 'us-regf.complaint-final-response.en');
    expect((await refusal('letters.preview', { caseId, templateId: final.id })).reason?.key).toBe('letters.noComplaintResponse');
    await t.call('complaints.update', { complaintId: complaint.id, action: 'respond', text: 'We have stopped calls to your workplace and apologise.' });
    const sentFinal = await t.call<LogContactResult>('letters.send', { caseId, templateId: final.id, contactPointId: addressPointId });
    expect(sentFinal.activityId).not.toBeNull();
    const text = (t.db.prepare('SELECT text FROM activities WHERE id = ?').get(sentFinal.activityId) as { text: string }).text;
    expect(text).toContain('We have stopped calls to your workplace and apologise.');
    expect(text).toContain('Consumer Financial Protection Bureau');
  });
});
