/**
 * What verifying the audit log found, and its wording in zh-CN and English: one shape for the
 * audit.verify API, the supervisor's and administrator's audit screens and `casedesk audit verify`.
 */

/** Where the local log stands against the last audit head a lender receipted. */
export type AuditAnchorState =
  /** No receipted report carries an audit head yet: nothing is anchored. */
  | 'none'
  /** The entry at the anchored seq has the anchored hash. */
  | 'ok'
  /** The log is shorter than the anchored seq: entries were removed from its end. */
  | 'truncated'
  /** The entry at the anchored seq has another hash: the log before it was rewritten. */
  | 'rewritten';

export interface AuditAnchorView {
  state: AuditAnchorState;
  /** The receipted report the head comes from (null when none). */
  reportId: string | null;
  receivedAt: string | null;
  seq: number | null;
  hash: string | null;
}

export type AuditProblemCode = 'chain_broken' | 'keyed_mismatch' | 'key_missing' | 'truncated' | 'rewritten';

export interface AuditVerifyView {
  ok: boolean;
  entries: number;
  /** The first entry found wrong (for `truncated`, the first missing one). */
  brokenAt: number | null;
  /** In English, as before; `problem` says the same as a code for wording in either language. */
  why: string | null;
  problem: AuditProblemCode | null;
  /** The first entry under the keyed hash; null when the audit key is missing. */
  keyedFrom: number | null;
  anchor: AuditAnchorView;
  /** Entries after the anchored seq (every entry when nothing is anchored): not yet covered by a receipt. */
  unanchored: number;
}

export type VerdictLanguage = 'zh-CN' | 'en';

const CHAIN_WHY_ZH: readonly [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^expected sequence (-?\d+), found (-?\d+)$/, (m) => `序号应为 ${m[1]}，实为 ${m[2]}`],
  [/^prev_hash does not match the previous entry$/, () => '与前一条的哈希不衔接'],
  [/^entry content does not match its hash$/, () => '内容与其哈希不符'],
];

function chainWhyZh(why: string): string {
  for (const [re, say] of CHAIN_WHY_ZH) {
    const m = why.match(re);
    if (m) return say(m);
  }
  return why;
}

function problemLine(v: AuditVerifyView, lang: VerdictLanguage): string | null {
  const at = v.brokenAt ?? 0;
  const a = v.anchor;
  const zh = lang === 'zh-CN';
  switch (v.problem) {
    case null:
      return null;
    case 'chain_broken':
      return zh ? `审计日志在第 ${at} 条断开：${chainWhyZh(v.why ?? '')}。` : `The audit log is broken at entry ${at}: ${v.why ?? ''}.`;
    case 'keyed_mismatch':
      return zh
        ? `第 ${at} 条与其密钥哈希不符：日志被不持有密钥者重新计算过哈希。`
        : `Entry ${at} does not match its keyed hash: the log was re-hashed by someone without the key.`;
    case 'key_missing':
      return zh ? '审计密钥缺失：无法核对密钥哈希。' : 'The audit key is missing: the keyed hashes cannot be checked.';
    case 'truncated':
      return zh
        ? `审计日志被截断：贷方已回执到第 ${a.seq ?? 0} 条，本地日志只有 ${v.entries} 条。`
        : `The audit log was truncated: the lender receipted its head at entry ${a.seq ?? 0}, but only ${v.entries} entries are here.`;
    case 'rewritten':
      return zh
        ? `审计日志被改写：第 ${a.seq ?? 0} 条与贷方回执的哈希不符。`
        : `The audit log was rewritten: entry ${a.seq ?? 0} does not match the hash the lender receipted.`;
  }
}

function anchorLine(v: AuditVerifyView, lang: VerdictLanguage): string {
  const a = v.anchor;
  const zh = lang === 'zh-CN';
  if (a.state === 'none') {
    return zh
      ? `尚无锚点：没有已获回执的报告载有审计日志头；全部 ${v.entries} 条均未锚定。`
      : `No anchor yet: no receipted report carries an audit head; all ${v.entries} entries are unanchored.`;
  }
  const where = zh
    ? `报告 ${a.reportId ?? ''}，回执于 ${a.receivedAt ?? ''}`
    : `report ${a.reportId ?? ''}, receipted ${a.receivedAt ?? ''}`;
  if (a.state === 'ok') {
    return zh ? `已锚定：第 1–${a.seq ?? 0} 条与贷方回执的日志头一致（${where}）。` : `Anchored: entries 1–${a.seq ?? 0} match the head the lender receipted (${where}).`;
  }
  return zh ? `锚点：第 ${a.seq ?? 0} 条（${where}）。` : `Anchor: entry ${a.seq ?? 0} (${where}).`;
}

/** The verdict as lines of text, first line the verdict itself. */
export function describeAuditVerdict(v: AuditVerifyView, lang: VerdictLanguage): string[] {
  const zh = lang === 'zh-CN';
  const lines = [v.ok ? (zh ? `审计日志完好：${v.entries} 条。` : `Audit log intact: ${v.entries} entries.`) : zh ? '审计日志核验未通过。' : 'Audit log verification FAILED.'];
  const problem = problemLine(v, lang);
  if (problem) lines.push(problem);
  lines.push(anchorLine(v, lang));
  if (v.anchor.state !== 'none' && v.unanchored > 0) {
    lines.push(
      zh
        ? `未锚定：第 ${v.anchor.seq ?? 0} 条之后的 ${v.unanchored} 条尚无贷方回执覆盖，其改动或删除在下次回执前无法被证明。`
        : `Unanchored: the ${v.unanchored} entries after entry ${v.anchor.seq ?? 0} are not yet covered by a lender's receipt; a change to them cannot be proven until the next one.`,
    );
  }
  if (v.keyedFrom !== null) {
    lines.push(zh ? `密钥哈希自第 ${v.keyedFrom} 条起。` : `Keyed hashes from entry ${v.keyedFrom} on.`);
  }
  return lines;
}
