/**
 * A finding the sentence itself denies: "我们不会联系您的单位", "请勿向任何个人账户转账",
 * "We will not contact your employer", "This notice is not a court document". A negation counts when
 * it sits in the same clause, shortly before the match, or inside the match; "不还钱就…" (not repaying)
 * is not a negation of the claim.
 */
const ZH_NEGATION = /不会|不得|不能|不可|不允许|勿|不要|不需要|无需|无须|并非|绝非|不代表|不是|从不|绝不|不属于|未曾|没有|禁止|严禁|不再|不收取/u;
const EN_NEGATION = /\b(?:not|never|no|don't|do not|won't|will not|cannot|can't|doesn't|does not|isn't|aren't|without|nor)\b|n't\b/iu;
const CLAUSE_END = /[，。！？；：,.!?;:\n]/u;
/** Not paying is what the borrower did, not a denial of the claim; "why don't you" is a suggestion. */
const EN_NOT_A_DENIAL = /\b(?:not|don't|do not|didn't|won't|can't|cannot|never)\s+(?:be\s+)?(?:pay|paid|paying|settle|settled|repay)\w*|\bwhy (?:don't you|not)\b/giu;

function clausePrefix(text: string, start: number, max: number): string {
  let i = start;
  while (i > 0 && start - i < max && !CLAUSE_END.test(text[i - 1] as string)) i--;
  return text.slice(i, start);
}

export function negated(text: string, start: number, end: number, lang: 'zh-CN' | 'en'): boolean {
  const match = text.slice(start, end);
  // 要不要/是不是/能不能/会不会 ask a question; they deny nothing.
  if (lang === 'zh-CN') return ZH_NEGATION.test(clausePrefix(text, start, 10).replace(/要不要|是不是|能不能|会不会/gu, '')) || /不会|不代表|不是|并非/u.test(match);
  // The clause before the match (up to 60 characters).
  return EN_NEGATION.test(clausePrefix(text, start, 60).replace(EN_NOT_A_DENIAL, ' '));
}
