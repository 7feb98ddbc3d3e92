/** The audit verdict's wording, the same on the audit screen and in `casedesk audit verify`. */
import { describe, expect, it } from 'vitest';
import { describeAuditVerdict, type AuditVerifyView } from '../../../common/domain/audit/verdict';

const H = 'a'.repeat(64);
const base: AuditVerifyView = {
  ok: true,
  entries: 120,
  brokenAt: null,
  why: null,
  problem: null,
  keyedFrom: 1,
  anchor: { state: 'ok', reportId: 'r9', receivedAt: '2026-11-25T04:00:00.000Z', seq: 100, hash: H },
  unanchored: 20,
};

describe('describeAuditVerdict', () => {
  it('an anchored log: intact, anchored up to the receipted seq, and the rest plainly unanchored', () => {
    expect(describeAuditVerdict(base, 'en')).toEqual([
      'Audit log intact: 120 entries.',
      'Anchored: entries 1–100 match the head the lender receipted (report r9, receipted 2026-11-25T04:00:00.000Z).',
      "Unanchored: the 20 entries after entry 100 are not yet covered by a lender's receipt; a change to them cannot be proven until the next one.",
      'Keyed hashes from entry 1 on.',
    ]);
    expect(describeAuditVerdict(base, 'zh-CN')[0]).toBe('审计日志完好：120 条。');
    expect(describeAuditVerdict(base, 'zh-CN')[2]).toContain('20 条尚无贷方回执覆盖');
  });

  it('no anchor yet says so and counts every entry', () => {
    const v: AuditVerifyView = { ...base, anchor: { state: 'none', reportId: null, receivedAt: null, seq: null, hash: null }, unanchored: 120 };
    expect(describeAuditVerdict(v, 'en')[1]).toBe('No anchor yet: no receipted report carries an audit head; all 120 entries are unanchored.');
    expect(describeAuditVerdict(v, 'zh-CN')[1]).toContain('尚无锚点');
  });

  it('each failure has its line in both languages', () => {
    const cases: [Partial<AuditVerifyView>, RegExp, RegExp][] = [
      [{ problem: 'truncated', entries: 60, brokenAt: 61, anchor: { ...base.anchor, state: 'truncated' } }, /truncated: the lender receipted its head at entry 100, but only 60 entries/, /被截断/],
      [{ problem: 'rewritten', brokenAt: 100, anchor: { ...base.anchor, state: 'rewritten' } }, /rewritten: entry 100 does not match/, /被改写/],
      [{ problem: 'keyed_mismatch', brokenAt: 7, why: 'entry does not match its keyed hash' }, /Entry 7 does not match its keyed hash/, /第 7 条与其密钥哈希不符/],
      [{ problem: 'chain_broken', brokenAt: 5, why: 'expected sequence 5, found 6' }, /broken at entry 5: expected sequence 5, found 6/, /序号应为 5，实为 6/],
      [{ problem: 'key_missing', keyedFrom: null }, /audit key is missing/, /审计密钥缺失/],
    ];
    for (const [patch, en, zh] of cases) {
      const v = { ...base, ...patch, ok: false };
      expect(describeAuditVerdict(v, 'en')[0]).toBe('Audit log verification FAILED.');
      expect(describeAuditVerdict(v, 'en')[1]).toMatch(en);
      expect(describeAuditVerdict(v, 'zh-CN')[1]).toMatch(zh);
    }
  });
});
