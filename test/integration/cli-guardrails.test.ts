import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliIo } from '../support/cli';
import { describe, expect, it } from 'vitest';
import { guardrails } from '../../main/cli/commands/guardrails';

const FIXTURES = join(__dirname, '..', 'fixtures', 'guardrails');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

async function run(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const c = cliIo();
  c.io.stdin.end(stdin);
  const code = await guardrails(args, c.io);
  return { code, out: c.out(), err: c.err() };
}

describe('casedesk guardrails check', () => {
  it('reads a scenario on stdin and writes one decision line (contract example: allow)', async () => {
    const r = await run(['check'], fixture('us-contract-example.json'));
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.endsWith('\n')).toBe(true);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.out)).toEqual({ verdict: 'allow', reasons: [], nextAllowedAt: null, policyVersion: 'us-regf@2026.1' });
  });

  it('the eighth call in seven days is blocked with the next lawful instant', async () => {
    const r = await run(['check', '--file', join(FIXTURES, 'us-eighth-call.json')]);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out) as { verdict: string; reasons: { rule: string; severity: string; message: string; source: string }[]; nextAllowedAt: string };
    expect(d.verdict).toBe('block');
    expect(d.nextAllowedAt).toBe('2026-03-10T12:00:00Z');
    expect(d.reasons.filter((x) => x.severity === 'block').map((x) => x.rule)).toEqual(['US-7IN7']);
    const reason = d.reasons.find((x) => x.rule === 'US-7IN7');
    expect(reason?.source).toBe('12 CFR 1006.14(b)(2)');
    expect(reason?.message).toContain('7 calls already in the last 7 days about debt D1');
    expect(reason?.message).toContain("1 from the lender's ledger");
    expect(Object.keys(d).sort()).toEqual(['nextAllowedAt', 'policyVersion', 'reasons', 'verdict']);
    expect(Object.keys(d.reasons[0] ?? {}).sort()).toEqual(['message', 'rule', 'severity', 'source']);
  });

  it('--lang zh-CN gives Chinese messages', async () => {
    const r = await run(['check', '--lang', 'zh-CN', '--file', join(FIXTURES, 'cn-night-visit.json')]);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out) as { verdict: string; reasons: { rule: string; message: string }[]; nextAllowedAt: null };
    expect(d.verdict).toBe('block');
    expect(d.reasons.map((x) => x.rule)).toEqual(['CN-VISIT', 'CN-HOURS']);
    expect(d.reasons[0]?.message).toContain('至少 2 名催收员');
    expect(d.nextAllowedAt).toBeNull();
  });

  it('--lang=en form and a warning that needs approval', async () => {
    const r = await run(['check', '--lang=en'], fixture('uk-vulnerable-call.json'));
    const d = JSON.parse(r.out) as { verdict: string; reasons: { rule: string; message: string }[] };
    expect(d.verdict).toBe('warn');
    expect(d.reasons[0]?.rule).toBe('UK-VULNERABLE');
    expect(d.reasons[0]?.message).toContain('supervisor approval required');
  });

  it('accepts a policy object and reports its versioned tightening', async () => {
    const r = await run(['check'], fixture('us-tightened-policy.json'));
    const d = JSON.parse(r.out) as { verdict: string; nextAllowedAt: string; policyVersion: string };
    expect(d.verdict).toBe('block'); // 08:30 EDT under a 09:00 start
    expect(d.nextAllowedAt).toBe('2026-03-09T13:00:00Z');
    expect(d.policyVersion).toMatch(/^us-regf@2026\.1\+[0-9a-f]{10}$/);
  });

  const invalid: [string, string[], string, RegExp][] = [
    ['bad JSON', ['check'], '{"policy": ', /^casedesk guardrails: invalid JSON: /],
    ['a bad channel, with its path', ['check', '--file', join(FIXTURES, 'invalid-channel.json')], '', /action\.channel: expected one of call\|sms\|email\|letter\|visit/],
    ['an unknown key', ['check'], JSON.stringify({ ...JSON.parse(fixture('us-contract-example.json')), colour: 'red' }), /colour: unknown key/],
    ['a missing action', ['check'], JSON.stringify({ policy: 'cn', now: '2026-03-09T12:30:00Z' }), /action: expected object/],
    ['an unknown preset', ['check'], JSON.stringify({ ...JSON.parse(fixture('us-contract-example.json')), policy: 'eu' }), /policy: expected one of cn\|us-regf\|uk-conc/],
    ['a local time without zone', ['check'], JSON.stringify({ ...JSON.parse(fixture('us-contract-example.json')), now: '2026-03-09T12:30:00' }), /now: expected an ISO instant/],
    ['a bad history result', ['check'], JSON.stringify({ ...JSON.parse(fixture('us-contract-example.json')), history: [{ at: '2026-03-03T14:00:00Z', channel: 'call', party: 'borrower', contact: 'm', debts: [], result: 'maybe', source: 'local' }] }), /history\[0\]\.result: expected one of connected\|/],
    ['an unknown time zone', ['check'], JSON.stringify({ ...JSON.parse(fixture('us-contract-example.json')), borrower: { timezones: ['Mars/Olympus'] } }), /borrower\.timezones\[0\]: expected an IANA time zone/],
    ['a loosening policy', ['check', '--file', join(FIXTURES, 'loosening-policy.json')], '', /policy: loosening hours\.end .* CN-HOURS is a block rule/],
    ['an unknown flag', ['check', '--verbose'], '{}', /unknown option "--verbose"/],
    ['a missing subcommand', [], '', /missing subcommand/],
    ['a bad --lang', ['check', '--lang', 'fr'], '{}', /--lang must be zh-CN or en/],
    ['--file without a value', ['check', '--file'], '', /--file needs a value/],
    ['a missing file', ['check', '--file', join(FIXTURES, 'nope.json')], '', /file not found: .*nope\.json/],
    ['a JSON array', ['check'], '[]', /expected a JSON object/],
  ];
  for (const [name, args, stdin, message] of invalid) {
    it(`exit 2 with one line on stderr for ${name}`, async () => {
      const r = await run(args, stdin);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
      expect(r.err.endsWith('\n')).toBe(true);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    });
  }
});
