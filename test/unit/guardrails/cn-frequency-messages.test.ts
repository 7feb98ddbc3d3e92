/**
 * CN-UNANSWERED and CN-CONNECTED say exactly what was counted, the limit and the next lawful time, in
 * both languages, and note calls from the lender's ledger (these words are what a collector reads).
 */
import { describe, expect, it } from 'vitest';
import { action, check, entry, facts } from './helpers';

const SH = ['Asia/Shanghai'];
const NOW = '2026-03-11T06:00:00Z'; // 14:00 Shanghai
const today = (k: number, over = {}) => Array.from({ length: k }, (_, i) => entry(`2026-03-11T01:${String(i * 5).padStart(2, '0')}:00Z`, over));
const msgs = (d: ReturnType<typeof check>, rule: string) => d.reasons.filter((r) => r.rule === rule).map((r) => [r.severity, r.message['zh-CN'], r.message.en]);

describe('CN frequency messages', () => {
  it('CN-UNANSWERED block: counts, limit, lender note and next time', () => {
    const d = check('cn', facts({ history: [...today(5), entry('2026-03-11T01:40:00Z', { source: 'lender' })] }, SH), action(), NOW);
    expect(msgs(d, 'CN-UNANSWERED')).toEqual([
      [
        'block',
        '已拦截：号码 mobile-1 今日（借款人当地）已有 6 次未接通（其中 1 次来自出借方台账），每日上限 6 次。按此规则，最早可于 2026-03-12 00:00 (Asia/Shanghai) 联系。',
        "Blocked: 6 unanswered attempts to mobile-1 today (borrower-local) (1 from the lender's ledger); the daily limit is 6. Next lawful contact under this rule: 2026-03-12 00:00 (Asia/Shanghai).",
      ],
    ]);
    expect(d.nextAllowedAt).toBe('2026-03-12T00:00:00Z');
  });

  it('CN-UNANSWERED warn: the ordinal and the limit', () => {
    const d = check('cn', facts({ history: today(4) }, SH), action(), NOW);
    expect(msgs(d, 'CN-UNANSWERED')).toEqual([
      ['warn', '注意：这将是今日对号码 mobile-1 的第 5 次未接通尝试（上限 6 次）。', 'Caution: this would be unanswered attempt 5 to mobile-1 today (limit 6).'],
    ]);
  });

  it('CN-UNANSWERED counts only this contact point, only unanswered attempts, only today', () => {
    const other = today(6, { contact: 'mobile-2' });
    const answered = today(6, { result: 'connected' });
    const yesterday = Array.from({ length: 6 }, (_, i) => entry(`2026-03-10T01:${String(i * 5).padStart(2, '0')}:00Z`));
    for (const history of [other, yesterday]) expect(msgs(check('cn', facts({ history }, SH), action(), NOW), 'CN-UNANSWERED')).toEqual([]);
    expect(msgs(check('cn', facts({ history: answered }, SH), action(), NOW), 'CN-UNANSWERED')).toEqual([]);
    expect(msgs(check('cn', facts({ history: today(6) }, SH), action({ channel: 'sms', text: '请回电' }), NOW), 'CN-UNANSWERED')).toEqual([]);
  });

  it('CN-CONNECTED block: counts across the lender and agencies, with the next time', () => {
    const d = check('cn', facts({ history: [...today(2, { result: 'connected' }), entry('2026-03-11T02:00:00Z', { result: 'connected', source: 'lender', contact: 'phone-9' })] }, SH), action(), NOW);
    expect(msgs(d, 'CN-CONNECTED')).toEqual([
      [
        'block',
        '已拦截：今日（借款人当地）已接通 3 次（其中 1 次来自出借方台账），每日上限 3 次（含出借方及其他机构）。按此规则，最早可于 2026-03-12 00:00 (Asia/Shanghai) 联系。',
        "Blocked: 3 connected calls with the debtor today (borrower-local) (1 from the lender's ledger); the daily limit is 3 across the lender and all agencies. Next lawful contact under this rule: 2026-03-12 00:00 (Asia/Shanghai).",
      ],
    ]);
  });

  it('CN-CONNECTED: a third party, a text, or a connected call yesterday does not count', () => {
    const conn = today(3, { result: 'connected' });
    expect(msgs(check('cn', facts({ history: conn }, SH), action({ party: 'third_party', contact: 'friend-1' }), NOW), 'CN-CONNECTED')).toEqual([]);
    expect(msgs(check('cn', facts({ history: conn }, SH), action({ channel: 'sms', text: '请回电' }), NOW), 'CN-CONNECTED')).toEqual([]);
    const y = Array.from({ length: 3 }, (_, i) => entry(`2026-03-10T01:${String(i * 5).padStart(2, '0')}:00Z`, { result: 'connected' }));
    expect(msgs(check('cn', facts({ history: y }, SH), action(), NOW), 'CN-CONNECTED')).toEqual([]);
  });

  it('the CN caps are not part of the US and UK presets', () => {
    const history = [...today(7), ...today(3, { result: 'connected', contact: 'phone-2' })];
    for (const preset of ['us-regf', 'uk-conc'] as const) {
      const d = check(preset, facts({ history }, ['Europe/London']), action(), '2026-03-11T12:00:00Z');
      expect(d.rules.filter((r) => r.startsWith('CN-')), preset).toEqual([]);
    }
  });
});
