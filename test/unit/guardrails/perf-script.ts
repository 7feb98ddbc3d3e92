/**
 * Throughput of `evaluate` for a case with 90 days of history (~150 entries).
 * Not a test: run with
 *   npx esbuild test/unit/guardrails/perf-script.ts --bundle --platform=node --format=esm --outfile=/tmp/guardrails-perf.mjs && node /tmp/guardrails-perf.mjs
 */
import { evaluate, resolvePolicy, type Action, type Facts, type HistoryEntry, type PresetId } from '../../../common/domain/guardrails';

const DAY = 86_400_000;
const RESULTS = ['no_answer', 'voicemail', 'busy', 'connected', 'no_answer', 'sent'] as const;

function history(now: number): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (let i = 0; i < 150; i++) {
    const t = now - Math.floor((i * 90 * DAY) / 150) - 3_600_000;
    const result = RESULTS[i % RESULTS.length] ?? 'no_answer';
    out.push({
      at: new Date(t).toISOString(),
      channel: result === 'sent' ? 'sms' : 'call',
      party: i % 11 === 0 ? 'third_party' : 'borrower',
      contact: i % 3 === 0 ? 'mobile-2' : 'mobile-1',
      debts: i % 4 === 0 ? ['D1', 'D2'] : ['D1'],
      result,
      source: i % 5 === 0 ? 'lender' : 'local',
    });
  }
  return out;
}

function bench(preset: PresetId, zones: string[], nowIso: string, a: Action, label: string): void {
  const policy = resolvePolicy(preset);
  const now = new Date(nowIso);
  const facts: Facts = {
    borrower: { timezones: zones },
    flags: { cease: false, dispute: false, complaintOpen: false, attorney: false, vulnerable: false, recalled: false, bankrupt: false, deceased: false },
    optOuts: [],
    consents: [{ at: new Date(now.getTime() - 10 * DAY).toISOString(), channel: 'call' }],
    history: history(now.getTime()),
  };
  let verdict = '';
  for (let i = 0; i < 2000; i++) verdict = evaluate(policy, facts, a, now).verdict; // warm caches and JIT
  const n = 50_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) verdict = evaluate(policy, facts, a, new Date(now.getTime() + (i % 60) * 1000)).verdict;
  const ms = performance.now() - t0;
  console.log(`${label.padEnd(44)} ${Math.round((n / ms) * 1000).toLocaleString('en-US').padStart(9)} evaluations/s  (verdict ${verdict})`);
}

const call: Action = { channel: 'call', party: 'borrower', contact: 'mobile-1', debts: ['D1'], collectors: 1, text: null };
bench('us-regf', ['America/New_York'], '2026-03-09T18:00:00Z', call, 'us-regf, 1 zone, call');
bench('us-regf', ['America/New_York', 'America/Chicago'], '2026-03-09T18:00:00Z', call, 'us-regf, 2 zones, call');
bench('us-regf', ['America/New_York'], '2026-03-10T03:00:00Z', call, 'us-regf, night (computes nextAllowedAt)');
bench('cn', ['Asia/Shanghai'], '2026-03-11T06:00:00Z', call, 'cn, call');
bench('uk-conc', ['Europe/London'], '2026-03-11T12:00:00Z', { ...call, channel: 'sms', text: 'Hello, please call us on 0123. Private and confidential.' }, 'uk-conc, sms with text lint');
