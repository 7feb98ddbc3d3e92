/**
 * Money waiting on the supervisor: settlement offers above the placement's discount authority
 * (approve or refuse, with a reason, audited by the backend) and lender-reported payments that
 * disagree with a payment recorded here (held, never posted twice).
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentConflictView, SettlementView } from '../../../../common/api/types-ledger';
import { call, toApiError } from '../../../app/api';
import { errorText } from '../../../app/errors';
import { formatDate, formatDateTime, money } from '../../../app/format';
import { FormActions } from '../../../components/FormActions';
import { useNavigation } from '../../../stores/navigation';
import { useUi } from '../../../stores/ui';
import { MAX_REASON, MIN_REASON, reasonOk } from '../reason';

function Decide({ item, approve, onDone, onCancel }: { item: SettlementView; approve: boolean; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const notify = useUi((s) => s.notify);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!reasonOk(reason) || busy) return;
    setBusy(true);
    setError(null);
    try {
      await call((api) => api.promises.decideSettlement({ settlementId: item.id, approve, reason }));
      notify('success', t(approve ? 'supervisor.money.approvedNotice' : 'supervisor.money.refusedNotice', { reference: item.caseReference }));
      onDone();
    } catch (err) {
      setError(errorText(toApiError(err).body, t));
      setBusy(false);
    }
  };
  return (
    <form
      className={`sup-decide ${approve ? 'is-approve' : 'is-refuse'}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
        else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
      }}
    >
      <label className="field">
        <span>{t(approve ? 'supervisor.money.approveReason' : 'supervisor.money.refuseReason')}</span>
        <textarea value={reason} rows={2} maxLength={MAX_REASON} required autoFocus onChange={(e) => setReason(e.target.value)} data-testid="sup-settlement-reason" />
        <span className="field-help">{t('supervisor.review.reasonHelp', { min: MIN_REASON })}</span>
      </label>
      <FormActions
        error={error}
        busy={busy}
        disabled={!reasonOk(reason)}
        submitLabel={t(approve ? 'supervisor.money.confirmApprove' : 'supervisor.money.confirmRefuse')}
        onCancel={onCancel}
        testId="sup-settlement-confirm"
        danger={!approve}
        hint={t('supervisor.review.keysHint')}
        small
      />
    </form>
  );
}

function SettlementCard({ item, onDecided }: { item: SettlementView; onDecided(): void }) {
  const { t, i18n } = useTranslation();
  const openCase = useNavigation((s) => s.openCase);
  const [deciding, setDeciding] = useState<boolean | null>(null);
  const l = i18n.language;
  const discount = { minor: item.balanceAtOffer.minor - item.amount.minor, currency: item.amount.currency };
  return (
    <li className="sup-card" data-testid="sup-settlement-row" data-status={item.status}>
      <div className="sup-card-head">
        <h3>
          <button type="button" className="link-button sup-code" onClick={() => openCase(item.caseId)}>
            {item.caseReference}
          </button>
        </h3>
      </div>
      <dl className="sup-facts">
        <dt>{t('supervisor.money.offer')}</dt>
        <dd>{money(item.amount, l)}</dd>
        <dt>{t('supervisor.money.balance')}</dt>
        <dd>{money(item.balanceAtOffer, l)}</dd>
        <dt>{t('supervisor.money.discount')}</dt>
        <dd>{money(discount, l)}</dd>
        <dt>{t('supervisor.money.due')}</dt>
        <dd>{formatDate(item.dueDate, l)}</dd>
        <dt>{t('supervisor.money.requested')}</dt>
        <dd>
          {item.requestedBy ?? '—'} · {formatDateTime(item.requestedAt, l)}
        </dd>
        <dt>{t('supervisor.money.why')}</dt>
        <dd>{item.reason}</dd>
      </dl>
      {deciding === null ? (
        <div className="sup-card-actions">
          <button type="button" className="btn btn-primary btn-small" onClick={() => setDeciding(true)} data-testid="sup-settlement-approve">
            {t('supervisor.money.approve')}
          </button>
          <button type="button" className="btn btn-small" onClick={() => setDeciding(false)} data-testid="sup-settlement-refuse">
            {t('supervisor.money.refuse')}
          </button>
        </div>
      ) : (
        <Decide item={item} approve={deciding} onDone={onDecided} onCancel={() => setDeciding(null)} />
      )}
    </li>
  );
}

export function MoneyTab() {
  const { t, i18n } = useTranslation();
  const openCase = useNavigation((s) => s.openCase);
  const [settlements, setSettlements] = useState<SettlementView[] | null>(null);
  const [conflicts, setConflicts] = useState<PaymentConflictView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const l = i18n.language;
  const load = useCallback(async () => {
    try {
      const [s, c] = await Promise.all([call((api) => api.promises.settlements({})), call((api) => api.promises.paymentConflicts({}))]);
      setSettlements(s.filter((x) => x.status === 'pending'));
      setConflicts(c);
      setError(null);
    } catch (err) {
      setError(errorText(toApiError(err).body, t));
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="sup-review" data-testid="sup-money">
      {error ? (
        <p role="alert" className="notice is-error">
          {error}
        </p>
      ) : null}
      <h2>{t('supervisor.money.settlementsTitle')}</h2>
      <p className="muted small">{t('supervisor.money.settlementsHelp')}</p>
      {settlements === null ? (
        <p className="muted">{t('supervisor.money.loading')}</p>
      ) : settlements.length === 0 ? (
        <p className="muted" data-testid="sup-settlements-empty">
          {t('supervisor.money.noSettlements')}
        </p>
      ) : (
        <ul className="sup-cards">
          {settlements.map((s) => (
            <SettlementCard key={s.id} item={s} onDecided={() => void load()} />
          ))}
        </ul>
      )}
      <h2>{t('supervisor.money.conflictsTitle')}</h2>
      <p className="muted small">{t('supervisor.money.conflictsHelp')}</p>
      {conflicts === null ? null : conflicts.length === 0 ? (
        <p className="muted" data-testid="sup-conflicts-empty">
          {t('supervisor.money.noConflicts')}
        </p>
      ) : (
        <table className="data-table" data-testid="sup-conflicts">
          <thead>
            <tr>
              <th scope="col">{t('supervisor.money.reference')}</th>
              <th scope="col">{t('supervisor.money.lenderAmount')}</th>
              <th scope="col">{t('supervisor.money.lenderPaidOn')}</th>
              <th scope="col">{t('supervisor.money.received')}</th>
            </tr>
          </thead>
          <tbody>
            {conflicts.map((c) => (
              <tr key={c.id}>
                <td>
                  <button type="button" className="link-button" onClick={() => openCase(c.caseId)}>
                    {c.reference}
                  </button>
                </td>
                <td>{money(c.lenderAmount, l)}</td>
                <td>{formatDate(c.lenderPaidOn, l)}</td>
                <td>{formatDateTime(c.createdAt, l)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
