/** Override requests: a collector asks to proceed past a warning; the supervisor approves or refuses, with a reason. */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverrideView } from '../../../../common/api/types';
import { errorText } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { toApiError } from '../../../app/api';
import { useUi } from '../../../stores/ui';
import { useNavigation } from '../../../stores/navigation';
import { FormActions } from '../../../components/FormActions';
import { OVERRIDE_FILTERS, useReview } from '../reviewStore';
import { reasonOk, MIN_REASON, MAX_REASON } from '../reason';
import { usePersonName } from '../usePeople';
import { ListHeader } from './ListHeader';

const STATUS_TONE: Record<OverrideView['status'], string> = {
  pending: 'badge-care',
  approved: 'badge-ok',
  refused: 'badge-severe',
  used: 'badge-muted',
  expired: 'badge-muted',
};

function DecideForm({ item, approve, onDone, onCancel }: { item: OverrideView; approve: boolean; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const notify = useUi((s) => s.notify);
  const ok = reasonOk(reason);

  useEffect(() => inputRef.current?.focus(), []);

  const submit = async () => {
    setTouched(true);
    if (!ok || busy) return;
    setBusy(true);
    setError(null);
    try {
      await useReview.getState().decideOverride(item.id, approve, reason);
      notify('success', t(approve ? 'supervisor.overrides.approvedNotice' : 'supervisor.overrides.refusedNotice', { reference: item.caseReference }));
      onDone();
    } catch (err) {
      setError(errorText(toApiError(err).body, t));
      setBusy(false);
    }
  };

  return (
    <form
      className={`sup-decide ${approve ? 'is-approve' : 'is-refuse'}`}
      aria-label={t(approve ? 'supervisor.overrides.approveTitle' : 'supervisor.overrides.refuseTitle', { reference: item.caseReference })}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <label className="field">
        <span>{t(approve ? 'supervisor.overrides.approveReason' : 'supervisor.overrides.refuseReason')}</span>
        <textarea
          ref={inputRef}
          value={reason}
          rows={2}
          maxLength={MAX_REASON}
          onChange={(e) => setReason(e.target.value)}
          onBlur={() => setTouched(true)}
          aria-invalid={touched && !ok}
          aria-describedby={`${id}-help`}
          required
          data-testid="sup-override-reason"
        />
        <span id={`${id}-help`} className="field-help">
          {t('supervisor.review.reasonHelp', { min: MIN_REASON })}
        </span>
      </label>
      <FormActions
        error={error}
        busy={busy}
        disabled={!ok}
        submitLabel={t(approve ? 'supervisor.overrides.confirmApprove' : 'supervisor.overrides.confirmRefuse')}
        onCancel={onCancel}
        testId="sup-override-confirm"
        danger={!approve}
        hint={t('supervisor.review.keysHint')}
        small
      />
    </form>
  );
}

function OverrideCard({ item, onDecided }: { item: OverrideView; onDecided(): void }) {
  const { t, i18n } = useTranslation();
  const nameOf = usePersonName();
  const [deciding, setDeciding] = useState<'approve' | 'refuse' | null>(null);
  const approveRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const openCase = useNavigation((s) => s.openCase);
  const l = i18n.language;
  const said = (m: { 'zh-CN': string; en: string }) => (l === 'zh-CN' ? m['zh-CN'] || m.en : m.en || m['zh-CN']);
  return (
    <li className="sup-card" data-testid="sup-override-row" data-override-id={item.id} data-status={item.status}>
      <article aria-labelledby={headingId}>
        <div className="sup-card-head">
          <h3 id={headingId}>
            <button type="button" className="link-button sup-code" onClick={() => openCase(item.caseId)} title={t('supervisor.overrides.openCase')} data-testid="sup-override-case">
              {item.caseReference}
            </button>
          </h3>
          <span className={`badge ${STATUS_TONE[item.status]}`}>{t(`supervisor.overrides.status.${item.status}`)}</span>
          <span className="muted small">
            {t('supervisor.overrides.requested', { who: nameOf(item.requestedBy) ?? '—', when: formatDateTime(item.requestedAt, l) })}
          </span>
        </div>
        <div className="sup-card-body">
          {item.action ? (
            <p data-testid="sup-override-action">
              <span className="sup-label">{t('supervisor.overrides.action')}</span>{' '}
              {t('supervisor.overrides.actionText', { channel: t(`channel.${item.action.channel}`, { defaultValue: item.action.channel }), party: t(`party.${item.action.party}`, { defaultValue: item.action.party }) })}
            </p>
          ) : null}
          <ul className="sup-rules" data-testid="sup-override-rules">
            {(item.reasons ?? item.rules.map((rule) => ({ rule, messages: [] }))).map((r) => (
              <li key={r.rule}>
                <code className="rule-id">{r.rule}</code>
                {r.messages.map((m, i) => (
                  <span key={i} className="sup-rule-text">
                    {' '}
                    {said(m)}
                  </span>
                ))}
              </li>
            ))}
          </ul>
          <p>
            <span className="sup-label">{t('supervisor.overrides.collectorReason')}</span> <q>{item.reason}</q>
          </p>
          {item.decidedAt ? (
            <p>
              <span className="sup-label">{t('supervisor.overrides.decision')}</span>{' '}
              {t('supervisor.overrides.decided', { who: nameOf(item.decidedBy) ?? '—', when: formatDateTime(item.decidedAt, l) })}
              {item.decisionReason ? (
                <>
                  {' '}
                  <q>{item.decisionReason}</q>
                </>
              ) : null}
            </p>
          ) : null}
        </div>
        {item.status === 'pending' ? (
          deciding ? (
            <DecideForm
              item={item}
              approve={deciding === 'approve'}
              onDone={() => {
                setDeciding(null);
                onDecided();
              }}
              onCancel={() => {
                setDeciding(null);
                requestAnimationFrame(() => approveRef.current?.focus());
              }}
            />
          ) : (
            <div className="sup-card-actions">
              <button ref={approveRef} type="button" className="btn btn-small btn-primary" onClick={() => setDeciding('approve')} data-testid="sup-override-approve">
                {t('supervisor.overrides.approve')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => setDeciding('refuse')} data-testid="sup-override-refuse">
                {t('supervisor.overrides.refuse')}
              </button>
            </div>
          )
        ) : null}
      </article>
    </li>
  );
}

export function OverridesTab() {
  const { t } = useTranslation();
  const state = useReview((s) => s.overrides);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const load = useReview.getState().loadOverrides;

  useEffect(() => {
    void useReview.getState().loadOverrides();
  }, []);

  return (
    <section className="sup-review" aria-labelledby="sup-overrides-heading">
      <ListHeader
        headingId="sup-overrides-heading"
        headingRef={headingRef}
        title={t('supervisor.overrides.title')}
        count={state.loaded ? state.items.length : null}
        filter={state.filter}
        filters={OVERRIDE_FILTERS}
        filterLabel={t('supervisor.review.show')}
        optionLabel={(f) => t(`supervisor.overrides.filter.${f}`)}
        onFilter={(f) => void load(f)}
        onReload={() => void load()}
        loading={state.loading}
        testId="sup-override-filter"
      />
      <p className="muted small">{t('supervisor.overrides.intro')}</p>
      {state.error ? (
        <div className="banner banner-error" role="alert">
          {errorText(state.error, t)}
        </div>
      ) : null}
      {state.loaded && state.items.length === 0 ? <p className="sup-empty">{t(`supervisor.overrides.empty.${state.filter}`)}</p> : null}
      <ul className="sup-cards" aria-labelledby="sup-overrides-heading">
        {state.items.map((item) => (
          <OverrideCard key={item.id} item={item} onDecided={() => headingRef.current?.focus()} />
        ))}
      </ul>
    </section>
  );
}
