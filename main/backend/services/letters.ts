/**
 * Letters and messages from lender-approved templates: merge the case's fields, run the language
 * check and the guardrails, then record the sent text as an activity (it counts toward limits).
 */
import type { z } from 'zod';
import { AppError } from '../../../common/api/result';
import type { letters as letterMethods } from '../../../common/api/methods/letters';
import type { LetterPreview, LogContactResult, TemplateSummary } from '../../../common/api/types';
import { lintText } from '../../../common/domain/lint';
import { formatMoney } from '../../../common/domain/money/format';
import { renderMessage, TemplateError, type MergeValues } from '../../../common/domain/templates';
import { activitiesRepo } from '../../../db/repos/activities';
import { casesRepo, type CaseRow } from '../../../db/repos/cases';
import { placementsRepo, type PlacementWithLender } from '../../../db/repos/placements';
import { templatesRepo, type TemplateRow } from '../../../db/repos/templates';
import { appendAudit } from '../audit/audit';
import type { CallContext } from '../context';
import { loadCase } from './cases';
import { contactService } from './contacts';
import { localDate } from './derived';

type Input<K extends keyof typeof letterMethods> = z.output<(typeof letterMethods)[K]['input']>;

const REPAYMENT: Record<string, { 'zh-CN': string; en: string }> = {
  cn: { 'zh-CN': '通过出借方App“我的借款”页面或出借方对公账户还款', en: "through the lender's app (My loans) or the lender's corporate account" },
  'us-regf': { 'zh-CN': '登录出借方网站或致电出借方', en: "online at the lender's website or by calling the lender" },
  'uk-conc': { 'zh-CN': '登录出借方网站或致电出借方', en: "online at the lender's website, by bank transfer to the lender, or by phone" },
};

export function mergeFields(c: CaseRow, p: PlacementWithLender, borrowerName: string, lang: 'zh-CN' | 'en', today: string): MergeValues {
  const money = (minor: number) => formatMoney({ minor, currency: c.currency }, lang);
  const repay = REPAYMENT[p.preset] ?? REPAYMENT.cn!;
  return {
    borrowerName,
    balance: money(c.balance_minor),
    principal: money(c.principal_minor),
    interest: money(c.interest_minor),
    penalty: money(c.penalty_minor),
    fees: money(c.fees_minor),
    dueDate: today,
    agencyName: p.agency_name,
    agencyPhone: p.agency_phone,
    lenderName: p.lender_name,
    lenderPhone: p.lender_phone,
    complaintChannel: p.complaint_channel,
    caseReference: c.reference,
    repaymentMethod: repay[lang],
    disputeMethod: lang === 'zh-CN' ? `致电 ${p.agency_phone} 或书面联系 ${p.agency_name}` : `call ${p.agency_phone} or write to ${p.agency_name}`,
    accountCheckMethod: lang === 'zh-CN' ? `致电出借方 ${p.lender_phone}` : `call the lender on ${p.lender_phone}`,
    optOut: lang === 'zh-CN' ? '回复TD退订' : 'Reply STOP to opt out of texts; to stop e-mails, reply UNSUBSCRIBE',
  };
}

function load(ctx: CallContext, caseId: string, templateId: string, action: string) {
  const c = loadCase(ctx, caseId, action);
  const t = templatesRepo.byId(ctx.app.db, templateId);
  if (!t || t.placement_id !== c.placement_id) {
    throw new AppError('VALIDATION', 'templateId must name an approved template of this case’s placement.', { issues: [{ path: ['templateId'], message: 'not a template of this placement' }] });
  }
  const p = placementsRepo.byId(ctx.app.db, c.placement_id);
  const b = casesRepo.borrower(ctx.app.db, c.borrower_id);
  if (!p || !b) throw new AppError('INTERNAL', 'The case record is incomplete.');
  return { c, t, p, b };
}

function render(ctx: CallContext, c: CaseRow, t: TemplateRow, p: PlacementWithLender, borrowerName: string): { subject: string; body: string } {
  const fields = mergeFields(c, p, borrowerName, t.language, localDate(ctx.app.clock.now(), p.default_timezone));
  try {
    const m = renderMessage({ id: t.name, preset: p.preset, kind: t.kind, lang: t.language, body: t.body, ...(t.subject ? { subject: t.subject } : {}) }, fields);
    return { subject: m.subject ?? '', body: m.body };
  } catch (err) {
    if (err instanceof TemplateError) throw new AppError('VALIDATION', err.message);
    throw err;
  }
}

export const letterService = {
  templates(ctx: CallContext, caseId: string): TemplateSummary[] {
    const c = loadCase(ctx, caseId, 'letters.templates');
    return templatesRepo.byPlacement(ctx.app.db, c.placement_id).map((t) => ({ id: t.id, kind: t.kind, language: t.language, name: t.name }));
  },

  preview(ctx: CallContext, input: Input<'preview'>): LetterPreview {
    const { c, t, p, b } = load(ctx, input.caseId, input.templateId, 'letters.preview');
    const { subject, body } = render(ctx, c, t, p, b.full_name);
    const findings = lintText(body, { preset: p.preset, channel: t.kind });
    const decision = contactService.check(ctx, { caseId: c.id, channel: t.kind, contactPointId: input.contactPointId, text: body, collectors: 1 });
    return { templateId: t.id, kind: t.kind, subject, body, findings: findings.map(({ kind: _k, ...f }) => f), decision };
  },

  send(ctx: CallContext, input: Input<'send'>): LogContactResult {
    const { c, t, p, b } = load(ctx, input.caseId, input.templateId, 'letters.send');
    const { subject, body } = render(ctx, c, t, p, b.full_name);
    const text = subject ? `${subject}\n\n${body}` : body;
    return contactService.log(ctx, {
      caseId: c.id,
      channel: t.kind,
      contactPointId: input.contactPointId,
      direction: 'outbound',
      result: 'sent',
      outcome: 'sent',
      text,
      disclosureConfirmed: false,
      identityVerified: false,
      collectors: 1,
      ...(input.overrideId ? { overrideId: input.overrideId } : {}),
    });
  },

  async pdf(ctx: CallContext, input: Input<'pdf'>): Promise<{ fileName: string; base64: string }> {
    const c = loadCase(ctx, input.caseId, 'letters.pdf');
    const a = activitiesRepo.byCase(ctx.app.db, c.id).find((x) => x.id === input.activityId);
    if (!a || a.channel !== 'letter' || !a.text) throw new AppError('NOT_FOUND', 'No sent letter with that id on this case.');
    const p = placementsRepo.byId(ctx.app.db, c.placement_id);
    if (!p) throw new AppError('INTERNAL', 'The case has no placement.');
    // pdfkit loads on first use, not at start-up.
    const { renderLetterPdf } = await import('../pdf/letter-pdf');
    const pdf = await renderLetterPdf({
      title: `${c.reference} letter`,
      agencyName: p.agency_name,
      agencyPhone: p.agency_phone,
      date: a.at.slice(0, 10),
      recipient: casesRepo.borrower(ctx.app.db, c.borrower_id)?.full_name ?? '',
      subject: '',
      body: a.text,
      footer: `${c.reference} · ${p.lender_name} · CaseDesk`,
      privateAndConfidential: p.preset === 'uk-conc',
    });
    appendAudit(ctx.app.db, ctx.app.clock.now().toISOString(), { actorId: ctx.actor.id, action: 'letters.pdf', objectType: 'activity', objectId: a.id, outcome: 'ok', details: { caseId: c.id } });
    return { fileName: `${c.reference}-${a.at.slice(0, 10)}.pdf`, base64: pdf.toString('base64') };
  },
};
