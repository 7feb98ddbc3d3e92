import { lintText, mentionsDebt } from '../../lint';
import { earliestCommunication, level, type EvalCtx, type Hit } from '../context';
import { DAY, HOUR, isoSeconds } from '../time';
import { msg } from './msg';
import type { Rule } from './types';

const WRITTEN = new Set(['sms', 'email', 'letter']);

/** US: nothing has yet been communicated to the consumer, so this is the initial communication. */
export function isInitialCommunication(ctx: EvalCtx): boolean {
  if (ctx.facts.firstContactAt !== undefined) return false;
  return Number.isNaN(earliestCommunication(ctx));
}

/**
 * Language check of the action's text → reasons. Letters, texts and e-mails are blocked by their rule;
 * call and visit notes (transcripts) are flagged for QA instead. CONC forbearance findings need approval.
 */
export const textRule: Rule = (ctx) => {
  const a = ctx.action;
  const text = a.text;
  if (text === null || text.trim() === '') return [];
  const written = WRITTEN.has(a.channel);
  const findings = lintText(text, {
    preset: ctx.policy.preset,
    channel: a.channel,
    party: a.party,
    initialCommunication: ctx.policy.preset === 'us-regf' ? isInitialCommunication(ctx) : false,
    timeBarred: ctx.facts.timeBarred === true,
    extraTerms: ctx.policy.lexicon.extraTerms,
  });
  const hits: Hit[] = [];
  for (const f of findings) {
    const configured = level(ctx, f.rule);
    if (!configured) continue;
    const severity = f.rule === 'UK-FORBEARANCE' || written ? configured : 'qa';
    hits.push({
      rule: f.rule,
      severity,
      needsApproval: f.rule === 'UK-FORBEARANCE' && severity === 'warn' ? true : undefined,
      lift: 'person',
      message: () => f.message,
    });
  }
  return hits;
};

/** The CN-LETTER merge fields that must be filled. */
export const CN_LETTER_FIELDS = [
  'borrowerName',
  'balance',
  'accountCheckMethod',
  'repaymentMethod',
  'disputeMethod',
  'agencyName',
  'agencyPhone',
  'lenderName',
  'lenderPhone',
  'complaintChannel',
] as const;

/** CN-LETTER (merge fields filled), UK-IDV (no debt details before ID&V). */
export const contentRule: Rule = (ctx) => {
  const a = ctx.action;
  const hits: Hit[] = [];
  const letter = level(ctx, 'CN-LETTER');
  if (letter && a.channel === 'letter' && a.fields) {
    const fields = a.fields;
    const missing = CN_LETTER_FIELDS.filter((k) => (fields[k] ?? '').trim() === '');
    if (missing.length > 0) {
      hits.push({
        rule: 'CN-LETTER',
        severity: letter,
        lift: 'person',
        message: () =>
          msg(`已拦截：催收函缺少必填字段：${missing.join('、')}。`, `Blocked: the letter is missing required fields: ${missing.join(', ')}.`),
      });
    }
  }
  const idv = level(ctx, 'UK-IDV');
  // A right-party conversation without ID&V is refused whatever was said (rules/call-steps.ts).
  const conversationIdv = a.conversation !== undefined && a.conversation.result === 'connected';
  if (idv && a.channel === 'call' && a.party !== 'third_party' && ctx.facts.identityVerified !== true && !a.conversation?.identityVerified && !conversationIdv) {
    if (a.text !== null && mentionsDebt(a.text)) {
      hits.push({
        rule: 'UK-IDV',
        severity: idv,
        lift: 'person',
        message: () =>
          msg('已拦截：核实身份（ID&V）之前不得讨论债务细节。', 'Blocked: do not discuss the debt before identity is verified (ID&V).'),
      });
    }
  }
  return hits;
};

/** US-VALIDATION (notice within 5 days of initial communication) and a stale lender ledger. */
export const caseWarningsRule: Rule = (ctx) => {
  const hits: Hit[] = [];
  const validation = level(ctx, 'US-VALIDATION');
  if (validation && ctx.facts.validationNoticeSentAt === undefined && ctx.action.purpose !== 'validation_notice') {
    let first = ctx.facts.firstContactAt !== undefined ? Date.parse(ctx.facts.firstContactAt) : NaN;
    if (Number.isNaN(first)) first = earliestCommunication(ctx);
    const days = ctx.policy.limits.usValidation.days;
    if (!Number.isNaN(first) && ctx.now > first + days * DAY) {
      const since = isoSeconds(first);
      hits.push({
        rule: 'US-VALIDATION',
        severity: validation,
        message: () =>
          msg(
            `注意：首次沟通（${since}）后 ${days} 天内应寄出债务确认通知，目前尚无记录。`,
            `Caution: no validation notice on record within ${days} days of the initial communication (${since}).`,
          ),
      });
    }
  }
  const asOf = ctx.facts.ledgerAsOf !== undefined ? Date.parse(ctx.facts.ledgerAsOf) : NaN;
  const maxAge = ctx.policy.limits.ledgerMaxAgeHours;
  if (!Number.isNaN(asOf) && ctx.now - asOf > maxAge * HOUR) {
    const rule = ctx.prefix === 'CN' ? 'CN-CONNECTED' : ctx.prefix === 'US' ? 'US-7IN7' : 'UK-EXCESSIVE';
    const hours = Math.floor((ctx.now - asOf) / HOUR);
    if (level(ctx, rule) && (ctx.action.channel === 'call' || rule === 'UK-EXCESSIVE')) {
      hits.push({
        rule,
        severity: 'warn',
        message: () =>
          msg(
            `注意：出借方联系台账已 ${hours} 小时未更新（允许 ${maxAge} 小时），频次统计可能不完整。`,
            `Caution: the lender's contact ledger is ${hours} hours old (policy allows ${maxAge}); contact counts may be incomplete.`,
          ),
      });
    }
  }
  return hits;
};
