/**
 * Log a contact. The guardrails are checked live as the collector picks the channel, the point, the
 * result and the call steps and types the text, so the decision is on screen before anything is
 * recorded. A call's result has no default; `0` picks "no answer", `1`–`9` a result by its place.
 * Where the preset requires a call step (US disclosure, UK ID&V), Submit waits for it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, ContactResult, OutcomeCode } from '../../../common/api/types';
import { useContact } from './contactStore';
import { ACTIVITY_CHANNELS, contactPointsFor, disclosureKind, needsDisclosure, outcomesFor, requiredStepRule, resultForKey, resultsFor } from './contactRules';
import { CallbackFields, callbackValid, emptyCallback, type CallbackDraft } from '../dayloop/CallbackFields';
import { borrowerZone, scheduleCallback } from '../dayloop/CaseCallbacks';
import { formatDateTime, money, todayLocal } from '../../app/format';
import { DecisionPanel } from '../../components/DecisionPanel';
import { errorText } from '../../app/errors';
import { toApiError } from '../../app/api';
import { useUi } from '../../stores/ui';
import { useSession } from '../../stores/session';
import { parseMoneyInput } from '../../../common/domain/money/format';
import { DisclosureScript } from './DisclosureScript';
import { ApprovalRequest } from './ApprovalRequest';

const CHECK_DEBOUNCE_MS = 300;

/** A field the collector types into: digit keys there are text, not result shortcuts. */
function typesText(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}

export function LogContactPanel({ detail, onClose, onLogged }: { detail: CaseDetail; onClose(): void; onLogged(): void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const draft = useContact((s) => s.draft);
  const check = useContact((s) => s.check);
  const checking = useContact((s) => s.checking);
  const checkError = useContact((s) => s.checkError);
  const submitting = useContact((s) => s.submitting);
  const submitError = useContact((s) => s.submitError);
  const blocked = useContact((s) => s.blocked);
  const { update, runCheck, submit } = useContact.getState();
  const info = useSession((s) => s.info);
  const first = useRef<HTMLSelectElement>(null);

  const [callback, setCallback] = useState<CallbackDraft | null>(null);

  useEffect(() => first.current?.focus(), []);

  // The live check: re-run when anything the guardrails look at changes.
  useEffect(() => {
    const timer = window.setTimeout(() => void runCheck(detail.id), CHECK_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [detail.id, draft.channel, draft.contactPointId, draft.text, draft.collectors, draft.direction, draft.result, draft.disclosureConfirmed, draft.identityVerified, runCheck]);

  const points = contactPointsFor(draft.channel, detail.contactPoints);
  const point = detail.contactPoints.find((p) => p.id === draft.contactPointId) ?? null;
  const outcomes = draft.result ? outcomesFor(draft.channel, draft.result) : [];
  const showDisclosure = needsDisclosure(draft.channel, draft.result, point?.party ?? null, draft.outcome);
  const dkind = disclosureKind(detail.placement.preset);
  const currency = detail.balance.currency;
  const promiseMinor = draft.outcome === 'promise_to_pay' ? parseMoneyInput(draft.promiseAmount, currency) : null;
  const promiseInvalid =
    draft.outcome === 'promise_to_pay' && (promiseMinor === null || promiseMinor < 1 || !/^\d{4}-\d{2}-\d{2}$/.test(draft.promiseDate));
  const needsPoint = draft.channel !== 'note' && draft.channel !== 'visit' && draft.direction === 'outbound';
  const missingPoint = needsPoint && !draft.contactPointId;
  const disclosureMissing = showDisclosure && (dkind === 'idv' ? !draft.identityVerified : !draft.disclosureConfirmed);
  const stepRule = requiredStepRule(detail.placement.preset);
  // The engine refuses this (rules/call-steps.ts); Submit waits rather than record only a refusal.
  const stepMissing = disclosureMissing && stepRule !== null;
  const resultMissing = draft.result === null || draft.outcome === null;
  const callbackInvalid = callback !== null && !callbackValid(callback);
  const canSubmit = !submitting && !promiseInvalid && !missingPoint && !resultMissing && !stepMissing && !callbackInvalid;

  const doSubmit = async () => {
    if (!canSubmit) return;
    const result = await submit(detail);
    if (!result) return;
    if (result.activityId === null) {
      useUi.getState().notify('error', t('contact.blockedNotice'));
      return;
    }
    const v = result.decision.verdict;
    const qa = result.decision.reasons.filter((r) => r.severity === 'qa');
    if (qa.length > 0) {
      // Recorded, and marked for QA review: the collector sees what the language check found.
      const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
      useUi.getState().notify('info', t('dayloop.contact.qaMarked', { findings: qa.map((r) => `${r.rule}: ${r.message[lang]}`).join(' ') }));
    } else useUi.getState().notify('success', v === 'warn' ? t('contact.loggedWithWarning') : t('contact.logged'));
    if (callback) {
      try {
        const cb = await scheduleCallback(detail, callback, 'contact');
        useUi.getState().notify('success', t('dayloop.callback.scheduled', { when: formatDateTime(cb.dueAt, i18n.language, cb.zone) }));
        setCallback(null);
      } catch (err) {
        // The contact is recorded; only the callback failed (e.g. an unlawful time): say why.
        useUi.getState().notify('error', errorText(toApiError(err).body, t));
      }
    }
    onLogged();
  };

  const shownDecision = blocked ?? check;
  const zone = detail.borrower.timezones[0] ?? detail.placement.defaultTimezone;

  return (
    <section
      className="panel panel-contact"
      aria-labelledby={`${id}-title`}
      data-testid="log-contact"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="panel-head">
        <h2 id={`${id}-title`} className="panel-title">
          {t('contact.title')}
        </h2>
        <button type="button" className="btn btn-ghost btn-small" onClick={onClose} aria-label={t('contact.close')}>
          {t('common.close')} <kbd aria-hidden="true">Esc</kbd>
        </button>
      </div>
      <form
        className="form form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void doSubmit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void doSubmit();
            return;
          }
          if (e.ctrlKey || e.metaKey || e.altKey || typesText(e.target)) return;
          const picked = resultForKey(draft.channel, e.key);
          if (picked) {
            e.preventDefault();
            update({ result: picked }, detail);
          }
        }}
      >
        <label className="field">
          <span>{t('contact.channel')}</span>
          <select ref={first} value={draft.channel} onChange={(e) => update({ channel: e.target.value as typeof draft.channel }, detail)} data-testid="contact-channel">
            {ACTIVITY_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </select>
        </label>
        {draft.channel === 'call' ? (
          <label className="field">
            <span>{t('contact.direction')}</span>
            <select value={draft.direction} onChange={(e) => update({ direction: e.target.value as typeof draft.direction }, detail)} data-testid="contact-direction">
              <option value="outbound">{t('enum.direction.outbound')}</option>
              <option value="inbound">{t('enum.direction.inbound')}</option>
            </select>
          </label>
        ) : null}
        {draft.channel !== 'note' ? (
          <label className="field field-wide">
            <span>{t('contact.point')}</span>
            <select
              value={draft.contactPointId ?? ''}
              onChange={(e) => update({ contactPointId: e.target.value || null }, detail)}
              aria-invalid={missingPoint}
              data-testid="contact-point-select"
            >
              <option value="">{needsPoint ? t('contact.pickPoint') : t('contact.noPoint')}</option>
              {points.map((p) => (
                <option key={p.id} value={p.id}>
                  {t(`party.${p.party}`)} · {t(`contactKind.${p.kind}`)} · {p.value}
                  {p.invalid ? ` (${t('contactPoint.invalid')})` : ''}
                  {draft.channel !== 'note' && p.optOuts.includes(draft.channel) ? ` (${t('contactPoint.optOutShort')})` : ''}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {draft.channel === 'visit' ? (
          <label className="field">
            <span>{t('contact.collectors')}</span>
            <input type="number" min={1} max={10} value={draft.collectors} onChange={(e) => update({ collectors: Math.max(1, Math.min(10, Number(e.target.value) || 1)) }, detail)} />
          </label>
        ) : null}
        {draft.channel !== 'note' ? (
          <label className="field">
            <span>{t('contact.result')}</span>
            <select
              value={draft.result ?? ''}
              onChange={(e) => update({ result: (e.target.value || null) as ContactResult | null }, detail)}
              aria-invalid={draft.result === null}
              aria-describedby={`${id}-result-keys`}
              data-testid="contact-result"
            >
              {draft.result === null ? <option value="">{t('dayloop.contact.chooseResult')}</option> : null}
              {resultsFor(draft.channel).map((r, i) => (
                <option key={r} value={r}>
                  {t(`enum.result.${r}`)} ({r === 'no_answer' ? '0' : i + 1})
                </option>
              ))}
            </select>
            <span className="field-help" id={`${id}-result-keys`}>
              {t('dayloop.contact.resultKeys')}
            </span>
          </label>
        ) : null}
        {draft.channel !== 'note' ? (
          <label className="field">
            <span>{t('contact.outcome')}</span>
            <select value={draft.outcome ?? ''} disabled={draft.result === null} onChange={(e) => update({ outcome: e.target.value as OutcomeCode }, detail)} data-testid="contact-outcome">
              {outcomes.map((o) => (
                <option key={o} value={o}>
                  {t(`outcome.${o}`)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {draft.outcome === 'promise_to_pay' ? (
          <fieldset className="fieldset field-wide" data-testid="promise-fields">
            <legend>{t('contact.promise.legend')}</legend>
            <label className="field">
              <span>{t('contact.promise.amount', { currency })}</span>
              <input
                inputMode="decimal"
                value={draft.promiseAmount}
                onChange={(e) => update({ promiseAmount: e.target.value }, detail)}
                aria-invalid={draft.promiseAmount !== '' && (promiseMinor === null || promiseMinor < 1)}
                data-testid="promise-amount"
              />
              <span className="field-help">
                {promiseMinor !== null && promiseMinor > 0
                  ? money({ minor: promiseMinor, currency }, i18n.language)
                  : t('contact.promise.balanceHint', { balance: money(detail.balance, i18n.language) })}
              </span>
            </label>
            <label className="field">
              <span>{t('contact.promise.date')}</span>
              <input type="date" min={todayLocal()} value={draft.promiseDate} onChange={(e) => update({ promiseDate: e.target.value }, detail)} data-testid="promise-date" />
            </label>
          </fieldset>
        ) : null}
        {showDisclosure ? (
          <DisclosureScript
            preset={detail.placement.preset}
            lender={detail.placement.lenderName}
            collector={info?.user.displayName ?? ''}
            checked={dkind === 'idv' ? draft.identityVerified : draft.disclosureConfirmed}
            onChange={(v) => update(dkind === 'idv' ? { identityVerified: v } : { disclosureConfirmed: v }, detail)}
          />
        ) : null}
        <label className="field field-wide">
          <span>{draft.channel === 'note' ? t('contact.noteText') : t('contact.text')}</span>
          <textarea rows={4} value={draft.text} maxLength={10000} onChange={(e) => update({ text: e.target.value }, detail)} data-testid="contact-text" />
          <span className="field-help">{t('contact.textHelp')}</span>
        </label>
        <div className="field-wide contact-check" aria-live="polite" data-testid="contact-check">
          {draft.channel === 'note' ? (
            <p className="muted small">{t('contact.noCheckNeeded')}</p>
          ) : shownDecision ? (
            <DecisionPanel decision={shownDecision} timeZone={zone} headline={blocked ? t('contact.blockedHeadline') : t('contact.checkHeadline')} testId="contact-decision" />
          ) : checking ? (
            <p className="muted small">{t('contact.checking')}</p>
          ) : null}
          {checkError ? (
            <p className="form-error" role="alert">
              {errorText(checkError, t)}
            </p>
          ) : null}
        </div>
        <ApprovalRequest />
        {submitError ? (
          <p className="form-error field-wide" role="alert">
            {errorText(submitError, t)}
          </p>
        ) : null}
        {draft.channel !== 'note' ? (
          <label className="check field-wide">
            <input type="checkbox" checked={callback !== null} onChange={(e) => setCallback(e.target.checked ? emptyCallback(borrowerZone(detail)) : null)} data-testid="contact-callback" />
            <span>{t('dayloop.callback.afterContact')}</span>
          </label>
        ) : null}
        {callback ? <CallbackFields draft={callback} zone={borrowerZone(detail)} onChange={setCallback} /> : null}
        {disclosureMissing ? (
          <p className={`${stepMissing ? 'form-error' : 'form-warning'} field-wide`} data-testid="step-missing">
            {dkind === 'idv' ? t('contact.idvMissing') : t('contact.disclosureMissing')}
            {stepMissing ? ` ${t('dayloop.contact.stepRequired', { rule: stepRule })}` : ''}
          </p>
        ) : null}
        {resultMissing && draft.channel !== 'note' ? <p className="form-warning field-wide">{t('dayloop.contact.resultRequired')}</p> : null}
        <div className="form-actions field-wide">
          <span className="muted small">{t('contact.submitHint')}</span>
          <button type="submit" className={`btn ${check?.verdict === 'block' ? 'btn-danger' : 'btn-primary'}`} disabled={!canSubmit} data-testid="contact-submit">
            {submitting ? t('common.working') : check?.verdict === 'block' ? t('contact.submitBlocked') : t('contact.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
