/**
 * Letters and messages from lender-approved templates: merge the case's fields, run the language
 * check and the guardrails, then record the sent text as an activity (it counts toward limits).
 * A letter can be printed as a PDF with both address blocks: as a draft before it is sent (nothing
 * recorded but an audit row) and as sent.
 */
import type { z } from 'zod';
import { AppError } from '../../../common/api/result';
import type { letters as letterMethods } from '../../../common/api/methods/letters';
import type { LetterPreview, LogContactResult, TemplateSummary } from '../../../common/api/types';
import type { LetterBalance } from '../../../common/domain/letters/balance';
import { totalOf } from '../../../common/domain/ledger/components';
import { caseLedger } from './ledger/state';
import { letterLocale } from '../../../common/domain/letters/dates';
import { letterFields } from '../../../common/domain/letters/fields';
import { lintText } from '../../../common/domain/lint';
import { letterTypeOf, purposeOf, renderMessage, TemplateError, type LetterType } from '../../../common/domain/templates';
import type { Db } from '../../../db/open';
import { activitiesRepo } from '../../../db/repos/activities';
import { casesRepo, type BorrowerRow, type CaseRow } from '../../../db/repos/cases';
import { placementsRepo, type PlacementWithLender } from '../../../db/repos/placements';
import { templatesRepo, type TemplateRow } from '../../../db/repos/templates';
import { appendAudit } from '../audit/audit';
import type { CallContext } from '../context';
import { loadCase } from './cases';
import { contactService } from './contacts';
import { localDate } from './derived';
import { eventFacts, recipientAddress } from './letter-facts';

type Input<K extends keyof typeof letterMethods> = z.output<(typeof letterMethods)[K]['input']>;

/**
 * Every amount a letter states, itemized from the itemization date. Today: the case's balance as
 * placed (principal on the date it fell due, interest, late charges and fees since) less the
 * payments recorded on the case since; no credits are recorded yet. The ledger (issue 13) will
 * answer here instead; nothing else in the letters reads an amount.
 */
export function letterBalance(db: Db, caseId: string): LetterBalance {
  const c = casesRepo.byId(db, caseId);
  if (!c) throw new AppError('NOT_FOUND', 'No such case.');
  // The ledger is the one truth of what is owed (services/ledger): every line below is read off
  // its replayed state, so the amount now is the balance the case view, queue and reports show.
  const { state } = caseLedger(db, c.id, c.placement_id);
  const lines = {
    currency: c.currency,
    itemizationDate: c.due_since.slice(0, 10),
    amountThenMinor: state.placed.principal + state.adjusted.principal,
    interestMinor: state.placed.interest + state.adjusted.interest,
    penaltyMinor: state.placed.penalty + state.adjusted.penalty,
    feesMinor: state.placed.fees + state.adjusted.fees,
    paymentsMinor: totalOf(state.paid),
    creditsMinor: totalOf(state.discounted),
  };
  return { ...lines, amountNowMinor: state.balanceMinor };
}

interface Loaded {
  c: CaseRow;
  t: TemplateRow;
  p: PlacementWithLender;
  b: BorrowerRow;
  type: LetterType;
}

function load(ctx: CallContext, caseId: string, templateId: string, action: string): Loaded {
  const c = loadCase(ctx, caseId, action);
  const t = templatesRepo.byId(ctx.app.db, templateId);
  if (!t || t.placement_id !== c.placement_id) {
    throw new AppError('VALIDATION', 'templateId must name an approved template of this case’s placement.', { issues: [{ path: ['templateId'], message: 'not a template of this placement' }] });
  }
  const p = placementsRepo.byId(ctx.app.db, c.placement_id);
  const b = casesRepo.borrower(ctx.app.db, c.borrower_id);
  if (!p || !b) throw new AppError('INTERNAL', 'The case record is incomplete.');
  return { c, t, p, b, type: letterTypeOf(t.name) };
}

function render(ctx: CallContext, { c, t, p, b, type }: Loaded): { subject: string; body: string } {
  const fields = letterFields({
    preset: p.preset,
    lang: t.language,
    today: localDate(ctx.app.clock.now(), p.default_timezone),
    borrowerName: b.full_name,
    caseReference: c.reference,
    agency: { name: p.agency_name, phone: p.agency_phone, address: p.agency_address ?? '' },
    lender: { name: p.lender_name, phone: p.lender_phone, complaintChannel: p.complaint_channel },
    balance: letterBalance(ctx.app.db, c.id),
    ...eventFacts(ctx.app.db, c, type, p.default_timezone),
  });
  try {
    const m = renderMessage({ id: t.name, preset: p.preset, kind: t.kind, lang: t.language, body: t.body, ...(t.subject ? { subject: t.subject } : {}) }, fields);
    return { subject: m.subject ?? '', body: m.body };
  } catch (err) {
    if (err instanceof TemplateError) throw new AppError('VALIDATION', err.message, undefined, { key: 'letters.templateIncomplete', params: { template: t.name } });
    throw err;
  }
}

/** A letter's PDF, drawn from the placement's letterhead and the recipient's address. */
async function letterPdf(
  p: PlacementWithLender,
  c: CaseRow,
  letter: { lang: 'zh-CN' | 'en'; date: string; recipient: string; address: string; body: string; draft: boolean },
): Promise<Buffer> {
  // pdfkit loads on first use, not at start-up.
  const { renderLetterPdf } = await import('../pdf/letter-pdf');
  return renderLetterPdf({
    title: `${c.reference} letter`,
    agency: { name: p.agency_name, phone: p.agency_phone, address: p.agency_address ?? '' },
    locale: letterLocale(p.preset, letter.lang),
    date: letter.date,
    recipient: { name: letter.recipient, address: letter.address },
    subject: '',
    body: letter.body,
    footer: `${c.reference} · ${p.lender_name} · CaseDesk`,
    privateAndConfidential: p.preset === 'uk-conc',
    draft: letter.draft,
  });
}

/** The language a sent letter was written in, read off its text (the template is not stored with it). */
export function languageOfText(text: string): 'zh-CN' | 'en' {
  return /[\u4e00-\u9fff]/u.test(text) ? 'zh-CN' : 'en';
}

export const letterService = {
  templates(ctx: CallContext, caseId: string): TemplateSummary[] {
    const c = loadCase(ctx, caseId, 'letters.templates');
    return templatesRepo.byPlacement(ctx.app.db, c.placement_id).map((t) => ({ id: t.id, kind: t.kind, language: t.language, name: t.name, letterType: letterTypeOf(t.name) }));
  },

  preview(ctx: CallContext, input: Input<'preview'>): LetterPreview {
    const l = load(ctx, input.caseId, input.templateId, 'letters.preview');
    const { subject, body } = render(ctx, l);
    const findings = lintText(body, { preset: l.p.preset, channel: l.t.kind });
    const decision = contactService.check(ctx, { caseId: l.c.id, channel: l.t.kind, contactPointId: input.contactPointId, text: body, collectors: 1 }, purposeOf(l.type));
    return { templateId: l.t.id, kind: l.t.kind, subject, body, findings: findings.map(({ kind: _k, ...f }) => f), decision };
  },

  send(ctx: CallContext, input: Input<'send'>): LogContactResult {
    const l = load(ctx, input.caseId, input.templateId, 'letters.send');
    const { subject, body } = render(ctx, l);
    const text = subject ? `${subject}\n\n${body}` : body;
    const result = contactService.log(
      ctx,
      {
        caseId: l.c.id,
        channel: l.t.kind,
        contactPointId: input.contactPointId,
        direction: 'outbound',
        result: 'sent',
        outcome: 'sent',
        text,
        disclosureConfirmed: false,
        identityVerified: false,
        collectors: 1,
        ...(input.overrideId ? { overrideId: input.overrideId } : {}),
      },
      purposeOf(l.type),
    );
    if (l.type === 'validation_notice' && result.activityId) {
      // The case's notice now says when the validation notice went (US-VALIDATION reads it).
      const at = ctx.app.clock.now().toISOString();
      casesRepo.setNotice(ctx.app.db, l.c.id, JSON.stringify({ kind: 'validation_notice', sentAt: at, channel: l.t.kind }), at);
    }
    return result;
  },

  /** The letter as it would be sent today, watermarked DRAFT; records nothing but the audit row. */
  async draftPdf(ctx: CallContext, input: Input<'draftPdf'>): Promise<{ fileName: string; base64: string }> {
    const l = load(ctx, input.caseId, input.templateId, 'letters.draftPdf');
    if (l.t.kind !== 'letter') throw new AppError('VALIDATION', 'Only a letter template prints as a PDF.', { issues: [{ path: ['templateId'], message: 'not a letter template' }] }, { key: 'letters.notALetter' });
    const { body } = render(ctx, l);
    const today = localDate(ctx.app.clock.now(), l.p.default_timezone);
    const pdf = await letterPdf(l.p, l.c, { lang: l.t.language, date: today, recipient: l.b.full_name, address: recipientAddress(ctx.app.db, l.b, input.contactPointId), body, draft: true });
    appendAudit(ctx.app.db, ctx.app.clock.now().toISOString(), { actorId: ctx.actor.id, action: 'letters.draftPdf', objectType: 'case', objectId: l.c.id, outcome: 'ok', details: { templateId: l.t.id } });
    return { fileName: `${l.c.reference}-DRAFT-${today}.pdf`, base64: pdf.toString('base64') };
  },

  async pdf(ctx: CallContext, input: Input<'pdf'>): Promise<{ fileName: string; base64: string }> {
    const c = loadCase(ctx, input.caseId, 'letters.pdf');
    const a = activitiesRepo.byCase(ctx.app.db, c.id).find((x) => x.id === input.activityId);
    if (!a || a.channel !== 'letter' || !a.text) throw new AppError('NOT_FOUND', 'No sent letter with that id on this case.', undefined, { key: 'letters.noSentLetter' });
    const p = placementsRepo.byId(ctx.app.db, c.placement_id);
    const b = casesRepo.borrower(ctx.app.db, c.borrower_id);
    if (!p || !b) throw new AppError('INTERNAL', 'The case record is incomplete.');
    const sentOn = localDate(new Date(a.at), p.default_timezone);
    const pdf = await letterPdf(p, c, { lang: languageOfText(a.text), date: sentOn, recipient: b.full_name, address: recipientAddress(ctx.app.db, b, a.contact_point_id), body: a.text, draft: false });
    appendAudit(ctx.app.db, ctx.app.clock.now().toISOString(), { actorId: ctx.actor.id, action: 'letters.pdf', objectType: 'activity', objectId: a.id, outcome: 'ok', details: { caseId: c.id } });
    return { fileName: `${c.reference}-${sentOn}.pdf`, base64: pdf.toString('base64') };
  },
};
