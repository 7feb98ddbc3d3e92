import type { Policy } from '../types';
import { BASE_LIMITS, COMMON_SOURCE, PRESET_RELEASE } from './shared';

const CBA_2026 = 'CBA《金融机构个人消费类贷款催收工作指引（试行）》(2026-01-30)';

export const cnSources: Record<string, string> = {
  'CN-HOURS': CBA_2026,
  'CN-UNANSWERED': CBA_2026,
  'CN-CONNECTED': CBA_2026,
  'CN-THIRD-PARTY': `${CBA_2026}; NIFA《互联网金融贷后催收业务指引》`,
  'CN-VISIT': CBA_2026,
  'CN-LETTER': CBA_2026,
  'CN-CONDUCT': `${CBA_2026}; CBRC《商业银行信用卡业务监督管理办法》Arts. 66, 68, 69; 《银行保险机构消费者权益保护管理办法》Art. 41`,
  'CN-RECORDS': CBA_2026,
  'CN-PIPL': 'PIPL Arts. 21, 28',
  'CN-HOLIDAY': `${COMMON_SOURCE}: holidays (calendar data: State Council notices, bundled per year; casedesk calendar status)`,
  'CN-RECALL': COMMON_SOURCE,
  'CN-CEASE': COMMON_SOURCE,
  'CN-DISPUTE': COMMON_SOURCE,
  'CN-COMPLAINT': COMMON_SOURCE,
  'CN-BANKRUPTCY': COMMON_SOURCE,
  'CN-DECEASED': COMMON_SOURCE,
  'CN-OPT-OUT': COMMON_SOURCE,
  'TEMPLATE-FIELD': 'CaseDesk templates: every merge field filled',
};

export const cnPreset: Policy = {
  preset: 'cn',
  version: `cn@${PRESET_RELEASE}`,
  defaultTimezone: 'Asia/Shanghai',
  rules: {
    'CN-HOURS': 'block',
    'CN-UNANSWERED': 'block',
    'CN-CONNECTED': 'block',
    'CN-THIRD-PARTY': 'block',
    'CN-VISIT': 'block',
    'CN-LETTER': 'block',
    'CN-CONDUCT': 'block',
    'CN-RECORDS': 'block',
    'CN-PIPL': 'block',
    'CN-RECALL': 'block',
    'CN-CEASE': 'block',
    'CN-DISPUTE': 'block',
    'CN-COMPLAINT': 'block',
    'CN-BANKRUPTCY': 'block',
    'CN-DECEASED': 'block',
    'CN-OPT-OUT': 'block',
    'TEMPLATE-FIELD': 'block',
  },
  // Forbidden 22:00–08:00: "other collection" covers texts and e-mails; posted letters are not timed.
  hours: { start: '08:00', end: '22:00', channels: ['call', 'sms', 'email', 'visit'] },
  holidays: { mode: 'warn', calendar: 'cn', channels: ['call', 'sms', 'email', 'visit'] },
  limits: { ...BASE_LIMITS, retention: { recordsYears: 2 } },
  lexicon: { extraTerms: [] },
};
