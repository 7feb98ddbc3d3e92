import { level, type EvalCtx, type Hit, type Msg } from '../context';
import { CHANNEL_NAMES, msg, contactName } from './msg';
import type { Rule } from './types';

function pause(ctx: EvalCtx, rule: string, message: Msg): Hit[] {
  const severity = level(ctx, rule);
  return severity ? [{ rule, severity, lift: 'person', message: () => message }] : [];
}

const PERMITTED_UNDER_CEASE = new Set(['cease_acknowledgement', 'remedy_notice']);

/** Case states that pause contact until a person resolves them: recall, death, bankruptcy, complaint, cease, dispute, attorney. */
export const statusRule: Rule = (ctx) => {
  const { flags } = ctx.facts;
  const p = ctx.prefix;
  const a = ctx.action;
  const hits: Hit[] = [];
  if (flags.recalled) {
    hits.push(...pause(ctx, `${p}-RECALL`, msg('已拦截：出借方已撤案，须立即停止一切联系。', 'Blocked: the lender has recalled this case; all contact stops now.')));
  }
  if (flags.deceased) {
    hits.push(...pause(ctx, `${p}-DECEASED`, msg('已拦截：借款人已身故，暂停联系，待主管处理。', 'Blocked: the borrower is deceased; contact is paused until a supervisor resolves the case.')));
  }
  if (flags.bankrupt) {
    hits.push(...pause(ctx, `${p}-BANKRUPTCY`, msg('已拦截：借款人处于破产程序中，暂停催收。', 'Blocked: the borrower is in bankruptcy; collection is paused.')));
  }
  // The complaint's own acknowledgement and final response, in writing, are how the pause ends.
  const complaintLetter = a.purpose === 'complaint_response' && (a.channel === 'letter' || a.channel === 'email');
  if (flags.complaintOpen && !complaintLetter) {
    hits.push(...pause(ctx, `${p}-COMPLAINT`, msg('已拦截：存在未结投诉，投诉处理完毕前暂停联系。', 'Blocked: a complaint is open; contact is paused until it is resolved.')));
  }
  if (flags.cease) {
    // US: after a written cease request only the notices of 1006.6(c)(2), in writing, may be sent.
    const permitted =
      p === 'US' && a.purpose !== undefined && PERMITTED_UNDER_CEASE.has(a.purpose) && (a.channel === 'letter' || a.channel === 'email');
    if (!permitted) {
      hits.push(
        ...pause(
          ctx,
          `${p}-CEASE`,
          p === 'US'
            ? msg('已拦截：借款人已书面要求停止联系，仅可发送法定的三类通知。', 'Blocked: the consumer asked in writing to stop contact; only the three permitted notices may be sent.')
            : msg('已拦截：借款人要求停止联系，处理前暂停联系。', 'Blocked: the borrower asked to stop contact; paused until resolved.'),
        ),
      );
    }
  }
  if (flags.dispute) {
    const verified =
      p === 'US' && ctx.facts.verificationSentAt !== undefined && Date.parse(ctx.facts.verificationSentAt) <= ctx.now;
    if (!verified) {
      hits.push(
        ...pause(
          ctx,
          `${p}-DISPUTE`,
          p === 'US'
            ? msg('已拦截：借款人已提出书面异议，寄出债务核实材料前停止催收。', 'Blocked: the consumer disputed the debt in writing; stop collecting until verification is sent.')
            : msg('已拦截：借款人对债务有异议，异议处理完毕前暂停催收。', 'Blocked: the borrower disputes the debt; collection is paused until the dispute is resolved.'),
        ),
      );
    }
  }
  if (flags.attorney && a.party !== 'third_party') {
    hits.push(...pause(ctx, `${p}-ATTORNEY`, msg('已拦截：借款人已委托律师，请联系其律师。', 'Blocked: the consumer is represented by an attorney; contact the attorney instead.')));
  }
  if (a.party !== 'third_party' && ctx.facts.optOuts.includes(a.channel)) {
    const ch = CHANNEL_NAMES[a.channel] ?? msg(a.channel, a.channel);
    hits.push(...pause(ctx, `${p}-OPT-OUT`, msg(`已拦截：借款人已退订${ch['zh-CN']}联系。`, `Blocked: the borrower opted out of contact by ${ch.en}.`)));
  }
  if (ctx.facts.contactFlags?.[a.contact]?.workplaceProhibited) {
    hits.push(...pause(ctx, `${p}-WORKPLACE`, msg(`已拦截：${contactName(a)} 为工作场所联系方式，雇主禁止此类联系。`, `Blocked: ${contactName(a)} is at the workplace and the employer prohibits such contact.`)));
  }
  return hits;
};

/** CN-VISIT (two collectors) and UK-VULNERABLE (warning; no visits). */
export const visitAndVulnerabilityRule: Rule = (ctx) => {
  const a = ctx.action;
  const hits: Hit[] = [];
  const min = ctx.policy.limits.visit.minCollectors;
  if (a.channel === 'visit' && a.collectors < min) {
    hits.push(...pause(ctx, 'CN-VISIT', msg(`已拦截：上门催收须至少 ${min} 名催收员同行（本次 ${a.collectors} 名）。`, `Blocked: a field visit needs at least ${min} collectors (this one has ${a.collectors}).`)));
  }
  const vulnerable = level(ctx, 'UK-VULNERABLE');
  if (ctx.facts.flags.vulnerable && ctx.policy.rules['UK-VULNERABLE'] !== undefined) {
    if (a.channel === 'visit') {
      hits.push({
        rule: 'UK-VULNERABLE',
        severity: 'block',
        lift: 'person',
        message: () => msg('已拦截：特殊困难客户不得上门拜访。', 'Blocked: no field visits to a vulnerable customer.'),
      });
    } else if (vulnerable) {
      hits.push({
        rule: 'UK-VULNERABLE',
        severity: vulnerable,
        needsApproval: vulnerable === 'warn',
        message: () =>
          msg(
            '注意：特殊困难客户，须按弱势客户政策处理，并经主管批准。',
            'Caution: vulnerable customer — follow the vulnerability policy; a supervisor must approve.',
          ),
      });
    }
  }
  return hits;
};
