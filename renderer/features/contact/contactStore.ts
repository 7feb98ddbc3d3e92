/**
 * The log-contact form: its draft, the live guardrail check while the collector fills it in, and
 * the submission. A block records only the decision (the backend does that) and is shown here.
 */
import { create } from 'zustand';
import type { ActivityChannel, CaseDetail, ContactResult, Decision, LogContactResult, OutcomeCode } from '../../../common/api/types';
import type { ApiErrorBody } from '../../../common/api/result';
import { call, refusal, toApiError } from '../../app/api';
import { parseMoneyInput } from '../../../common/domain/money/format';
import { defaultContactPoint, outcomesFor, resultsFor } from './contactRules';

export interface ContactDraft {
  channel: ActivityChannel;
  contactPointId: string | null;
  direction: 'outbound' | 'inbound';
  /** No default for a call or visit: the collector must choose (a rushed Submit must not count a conversation). */
  result: ContactResult | null;
  outcome: OutcomeCode | null;
  text: string;
  disclosureConfirmed: boolean;
  identityVerified: boolean;
  collectors: number;
  promiseAmount: string;
  promiseDate: string;
}

export function emptyDraft(detail: CaseDetail | null, channel: ActivityChannel = 'call'): ContactDraft {
  const results = resultsFor(channel);
  const result = results.length === 1 ? results[0]! : null;
  return {
    channel,
    contactPointId: detail ? defaultContactPoint(channel, detail.contactPoints) : null,
    direction: 'outbound',
    result,
    outcome: result ? outcomesFor(channel, result)[0]! : null,
    text: '',
    disclosureConfirmed: false,
    identityVerified: false,
    collectors: channel === 'visit' ? 2 : 1,
    promiseAmount: '',
    promiseDate: '',
  };
}

interface ContactState {
  open: boolean;
  caseId: string | null;
  draft: ContactDraft;
  check: Decision | null;
  checking: boolean;
  checkError: ApiErrorBody | null;
  submitting: boolean;
  submitError: ApiErrorBody | null;
  /** The decision of the last submission when it was refused. */
  blocked: Decision | null;
  /** A warning needs a supervisor's approval: the decision to ask about. */
  approvalFor: string | null;
  /** The override requested for this draft; sent with the next submission. */
  overrideId: string | null;
  requestOverride(reason: string): Promise<void>;
  setOpen(open: boolean): void;
  reset(detail: CaseDetail | null): void;
  update(patch: Partial<ContactDraft>, detail: CaseDetail | null): void;
  runCheck(caseId: string): Promise<void>;
  submit(detail: CaseDetail): Promise<LogContactResult | null>;
}

let checkSeq = 0;

/** The likely outcome for a result: a conversation on a third party's number is a third-party contact. */
function defaultOutcome(draft: ContactDraft, detail: CaseDetail | null): OutcomeCode | null {
  if (draft.result === null) return null;
  const options = outcomesFor(draft.channel, draft.result);
  const party = detail?.contactPoints.find((p) => p.id === draft.contactPointId)?.party;
  if (party === 'third_party' && options.includes('third_party')) return 'third_party';
  return options[0]!;
}

export const useContact = create<ContactState>((set, get) => ({
  open: false,
  caseId: null,
  draft: emptyDraft(null),
  check: null,
  checking: false,
  checkError: null,
  submitting: false,
  submitError: null,
  blocked: null,
  approvalFor: null,
  overrideId: null,

  setOpen: (open) => set({ open }),
  reset(detail) {
    set({ caseId: detail?.id ?? null, draft: emptyDraft(detail), check: null, checkError: null, submitError: null, blocked: null, approvalFor: null, overrideId: null });
  },
  update(patch, detail) {
    let draft = { ...get().draft, ...patch };
    if (patch.channel && patch.channel !== get().draft.channel) {
      // A new channel changes the usable points, results and outcomes: start those afresh.
      const fresh = emptyDraft(detail, patch.channel);
      draft = { ...fresh, text: draft.text };
    } else if (patch.result && patch.result !== get().draft.result) {
      draft.outcome = defaultOutcome(draft, detail);
    } else if (patch.contactPointId !== undefined && patch.contactPointId !== get().draft.contactPointId) {
      draft.outcome = defaultOutcome(draft, detail);
    }
    // An approval covers the contact it was asked for: a change of channel or point needs a new one.
    const samePlace = draft.channel === get().draft.channel && draft.contactPointId === get().draft.contactPointId;
    set({ draft, blocked: null, submitError: null, ...(samePlace ? {} : { approvalFor: null, overrideId: null }) });
  },

  async runCheck(caseId) {
    const d = get().draft;
    if (d.channel === 'note') {
      set({ check: null, checking: false, checkError: null });
      return;
    }
    const seq = ++checkSeq;
    set({ checking: true });
    try {
      const decision = await call((a) =>
        a.contacts.check({
          caseId,
          channel: d.channel as Exclude<ActivityChannel, 'note'>,
          contactPointId: d.contactPointId,
          text: d.text.trim() ? d.text : null,
          collectors: d.collectors,
          direction: d.direction,
          ...(d.result ? { result: d.result } : {}),
          disclosureConfirmed: d.disclosureConfirmed,
          identityVerified: d.identityVerified,
        }),
      );
      if (seq === checkSeq) set({ check: decision, checking: false, checkError: null });
    } catch (err) {
      if (seq === checkSeq) set({ checking: false, checkError: toApiError(err).body });
    }
  },

  async submit(detail) {
    const d = get().draft;
    if (get().submitting) return null;
    const { result: chosen, outcome } = d;
    if (chosen === null || outcome === null) return null; // the form says so; this guards a stray Ctrl+Enter
    let promise: { amountMinor: number; dueDate: string } | undefined;
    if (d.outcome === 'promise_to_pay') {
      const amountMinor = parseMoneyInput(d.promiseAmount, detail.balance.currency);
      // The form disables submission until these hold; this only guards a stray Ctrl+Enter.
      if (amountMinor === null || amountMinor < 1 || !d.promiseDate) return null;
      promise = { amountMinor, dueDate: d.promiseDate };
    }
    set({ submitting: true, submitError: null, blocked: null });
    try {
      const result = await call((a) =>
        a.contacts.log({
          caseId: detail.id,
          channel: d.channel,
          contactPointId: d.channel === 'note' ? null : d.contactPointId,
          direction: d.direction,
          result: chosen,
          outcome,
          text: d.text.trim() ? d.text : null,
          disclosureConfirmed: d.disclosureConfirmed,
          identityVerified: d.identityVerified,
          collectors: d.collectors,
          ...(promise ? { promise } : {}),
          ...(get().overrideId ? { overrideId: get().overrideId! } : {}),
        }),
      );
      if (result.activityId === null) {
        set({ submitting: false, blocked: result.decision, check: result.decision });
        return result;
      }
      set({ submitting: false, draft: emptyDraft(detail, d.channel), check: null, approvalFor: null, overrideId: null });
      return result;
    } catch (err) {
      const r = refusal(err);
      if (r) {
        set({
          submitting: false,
          blocked: r.decision,
          check: r.decision,
          submitError: r.code === 'APPROVAL_REQUIRED' && get().overrideId ? toApiError(err).body : null,
          approvalFor: r.code === 'APPROVAL_REQUIRED' ? r.decisionId : null,
        });
      } else {
        set({ submitting: false, blocked: null, submitError: toApiError(err).body });
      }
      return null;
    }
  },

  async requestOverride(reason) {
    const decisionId = get().approvalFor;
    if (!decisionId) return;
    const view = await call((a) => a.overrides.request({ decisionId, reason }));
    set({ overrideId: view.id });
  },
}));
