/**
 * Call steps the collector must attest on a right-party conversation (a call or visit that reached
 * the borrower or guarantor): US-DISCLOSURE — the mini-Miranda on the initial communication, "this
 * is from a debt collector" after (12 CFR 1006.18(e)); UK-IDV — identity and verification before the
 * account is discussed (CONC 7.9). A spoken conversation has no text to check, so the attestation
 * is the evidence; written channels carry the disclosure in their text (lint `required`). Inbound
 * conversations need the same steps: the borrower calling in does not excuse them.
 */
import { level, type EvalCtx, type Hit } from '../context';
import type { Action } from '../types';
import { msg } from './msg';
import type { Rule } from './types';
import { isInitialCommunication } from './text';

const SPOKEN = new Set(['call', 'visit']);

/** A call or visit recorded as connected with the borrower or a guarantor. */
export function isRightPartyConversation(a: Action): boolean {
  return a.conversation !== undefined && a.conversation.result === 'connected' && a.party !== 'third_party' && SPOKEN.has(a.channel);
}

export const callStepsRule: Rule = (ctx: EvalCtx) => {
  const a = ctx.action;
  const conv = a.conversation;
  if (!conv || !isRightPartyConversation(a)) return [];
  const hits: Hit[] = [];
  const disclosure = level(ctx, 'US-DISCLOSURE');
  if (disclosure && !conv.disclosureConfirmed) {
    const initial = isInitialCommunication(ctx);
    hits.push({
      rule: 'US-DISCLOSURE',
      severity: disclosure,
      lift: 'person',
      message: () =>
        initial
          ? msg(
              '已拦截：首次沟通须告知对方“我们是债务催收方，正在催收债务，所获信息将用于催收”（mini-Miranda），请确认已告知。',
              'Blocked: the initial communication must say that we are a debt collector attempting to collect a debt and that any information obtained will be used for that purpose (mini-Miranda); confirm it was given.',
            )
          : msg('已拦截：每次沟通都须告知对方“本通话来自债务催收方”，请确认已告知。', 'Blocked: every communication must say it is from a debt collector; confirm it was said.'),
    });
  }
  const idv = level(ctx, 'UK-IDV');
  if (idv && !conv.identityVerified && ctx.facts.identityVerified !== true) {
    hits.push({
      rule: 'UK-IDV',
      severity: idv,
      lift: 'person',
      message: () =>
        msg('已拦截：与本人通话须先完成身份核实（ID&V），请确认已核实。', 'Blocked: a conversation with the customer needs identity and verification (ID&V) first; confirm it was done.'),
    });
  }
  return hits;
};
