import { describe, expect, it } from 'vitest';
import type { LintFinding } from '../../../common/api/types';
import { segments } from '../../../renderer/features/letters/highlight';

const finding = (start: number, end: number, text: string): LintFinding => ({
  rule: 'CN-CONDUCT',
  category: 'threat_arrest',
  start,
  end,
  text,
  message: { 'zh-CN': '威胁', en: 'threat' },
});

describe('letter highlight segments', () => {
  it('splits the body around findings and keeps every character', () => {
    const body = '请尽快还款，否则坐牢。谢谢';
    const s = segments(body, [finding(8, 10, '坐牢')]);
    expect(s.map((x) => x.text).join('')).toBe(body);
    expect(s.filter((x) => x.finding !== null).map((x) => x.text)).toEqual(['坐牢']);
  });

  it('finds the text when offsets do not match, and drops overlaps', () => {
    const body = 'pay now or face arrest today';
    const s = segments(body, [finding(0, 3, 'arrest'), finding(17, 22, 'rrest')]);
    expect(s.map((x) => x.text).join('')).toBe(body);
    expect(s.filter((x) => x.finding !== null).map((x) => x.text)).toEqual(['arrest']);
  });

  it('ignores findings whose text is not in the body', () => {
    expect(segments('hello', [finding(0, 2, 'zz')])).toEqual([{ text: 'hello', finding: null }]);
  });
});
