/** US-DISCLOSURE and UK-IDV on a right-party conversation (rules/call-steps.ts), and the unsolicited evaluation. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTACT_RESULTS, PARTIES, PRESET_IDS, evaluate, evaluateUnsolicited, resolvePolicy, type Channel } from '../../../common/domain/guardrails';
import { action, entry, facts } from './helpers';

// 15:00 London, 10:00 New York, 23:00 Shanghai: within US and UK hours.
const NOW = '2026-11-25T15:00:00.000Z';
const STEP = { cn: null, 'us-regf': 'US-DISCLOSURE', 'uk-conc': 'UK-IDV' } as const;
const CHANNELS: Channel[] = ['call', 'sms', 'email', 'letter', 'visit'];

describe('call steps', () => {
  it('block exactly a right-party call or visit without the preset’s step, named by its rule', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PRESET_IDS),
        fc.constantFrom(...CHANNELS),
        fc.constantFrom(...CONTACT_RESULTS),
        fc.constantFrom(...PARTIES),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom<'outbound' | 'inbound'>('outbound', 'inbound'),
        (preset, channel, result, party, disclosureConfirmed, identityVerified, direction) => {
          const a = action({ channel, party, conversation: { result, direction, disclosureConfirmed, identityVerified } });
          const policy = resolvePolicy(preset);
          const rule = STEP[preset];
          const rightParty = (channel === 'call' || channel === 'visit') && result === 'connected' && party !== 'third_party';
          const attested = preset === 'us-regf' ? disclosureConfirmed : identityVerified;
          const expected = rule !== null && rightParty && !attested;
          for (const d of [evaluate(policy, facts({}, ['Europe/London']), a, new Date(NOW)), evaluateUnsolicited(policy, facts(), a, new Date(NOW))]) {
            const hit = d.reasons.find((r) => r.rule === rule && r.severity === 'block' && /disclos|ID&V|debt collector|身份|催收/.test(r.message.en + r.message['zh-CN']));
            expect(hit !== undefined, `${preset} ${channel} ${result} ${party} attested=${attested}`).toBe(expected);
            if (expected) expect(d.verdict).toBe('block');
          }
        },
      ),
    );
  });

  it('US: the mini-Miranda on the initial communication, "from a debt collector" after', () => {
    const policy = resolvePolicy('us-regf');
    const conv = { result: 'connected' as const, direction: 'outbound' as const, disclosureConfirmed: false, identityVerified: false };
    const first = evaluate(policy, facts(), action({ conversation: conv }), new Date(NOW));
    const later = evaluate(policy, facts({ history: [entry('2026-11-20T15:00:00.000Z', { result: 'connected' })] }), action({ conversation: conv }), new Date(NOW));
    expect(first.reasons.find((r) => r.rule === 'US-DISCLOSURE')?.message.en).toMatch(/initial communication/);
    expect(later.reasons.find((r) => r.rule === 'US-DISCLOSURE')?.message.en).toMatch(/from a debt collector/);
  });

  it('an unsolicited record’s language findings are QA only, never a refusal', () => {
    const d = evaluateUnsolicited(resolvePolicy('us-regf'), facts(), action({ channel: 'sms', text: 'We will have you arrested tomorrow.' }), new Date(NOW));
    expect(d.verdict).not.toBe('block');
    expect(d.reasons.length).toBeGreaterThan(0);
    expect(d.reasons.every((r) => r.severity === 'qa')).toBe(true);
    const sent = evaluate(resolvePolicy('us-regf'), facts({}, ['America/New_York']), action({ channel: 'sms', text: 'We will have you arrested tomorrow.' }), new Date(NOW));
    expect(sent.verdict).toBe('block');
  });

  it('messages name the contact point by its label when given, never its id', () => {
    const policy = resolvePolicy('us-regf');
    const d = evaluate(policy, facts({ history: [entry('2026-11-25T14:58:00.000Z', { contact: 'cp-0192' })] }, ['America/New_York']), action({ contact: 'cp-0192', contactLabel: '138****8000' }), new Date(NOW));
    const pattern = d.reasons.find((r) => r.rule === 'US-PATTERN')!;
    expect(pattern.message.en).toContain('138****8000');
    expect(pattern.message.en + pattern.message['zh-CN']).not.toContain('cp-0192');
  });
});
