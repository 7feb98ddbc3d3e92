/** What the case owes, from the ledger: per component placed, paid and still owed; a credit due back. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../common/api/types';
import type { LedgerComponent } from '../../../common/api/types-ledger';
import { money } from '../../app/format';
import { SettlementDialog } from '../ledger/SettlementDialog';

const COMPONENTS: LedgerComponent[] = ['principal', 'interest', 'penalty', 'fees'];

export function BalancePanel({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  const ledger = detail.ledger;
  const [offering, setOffering] = useState(false);
  const sum = (k: 'placed' | 'paid') => ({ minor: COMPONENTS.reduce((s, c) => s + ledger.components[c][k].minor, 0), currency: detail.balance.currency });
  const open = detail.status !== 'closed' && detail.status !== 'recalled' && detail.balance.minor > 0;
  return (
    <section className="panel" aria-labelledby="balance-heading" data-testid="balance-panel">
      <h2 id="balance-heading" className="panel-title">
        {t('case.balance.title')}
      </h2>
      <table className="money-table">
        <thead>
          <tr>
            <th scope="col">{t('ledger.component')}</th>
            <th scope="col">{t('ledger.placed')}</th>
            <th scope="col">{t('ledger.paid')}</th>
            <th scope="col">{t('ledger.remaining')}</th>
          </tr>
        </thead>
        <tbody>
          {COMPONENTS.map((c) => (
            <tr key={c} data-testid={`balance-${c}`}>
              <th scope="row">{t(`case.balance.${c}`)}</th>
              <td>{money(ledger.components[c].placed, l)}</td>
              <td>{money(ledger.components[c].paid, l)}</td>
              <td>{money(ledger.components[c].remaining, l)}</td>
            </tr>
          ))}
          <tr className="money-total">
            <th scope="row">{t('case.balance.total')}</th>
            <td>{money(sum('placed'), l)}</td>
            <td data-testid="balance-paid">{money(sum('paid'), l)}</td>
            <td data-testid="balance-total">{money(detail.balance, l)}</td>
          </tr>
          {ledger.credit.minor > 0 ? (
            <tr data-testid="balance-credit">
              <th scope="row" colSpan={3} title={t('ledger.creditHelp')}>
                {t('ledger.credit')}
              </th>
              <td>{money(ledger.credit, l)}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <p className="muted small">
        {t('ledger.order', { order: ledger.allocationOrder.map((c) => t(`case.balance.${c}`)).join(' → ') })}
      </p>
      <p className="muted small">
        {t('case.balance.dpd', { dpd: detail.dpd, bucket: detail.bucket })}
        {detail.debts.length > 0 ? ` · ${detail.debts.map((d) => `${d.reference} (${d.product})`).join(', ')}` : ''}
      </p>
      {ledger.settlements.length > 0 ? (
        <ul className="muted small" aria-label={t('ledger.settlement.list')}>
          {ledger.settlements.map((s) => (
            <li key={s.id}>
              {t('ledger.settlement.title')}: {money(s.amount, l)} · {t(`ledger.settlement.state.${s.status}`)}
            </li>
          ))}
        </ul>
      ) : null}
      {open ? (
        <button type="button" className="btn btn-small" onClick={() => setOffering(true)} data-testid="settlement-offer">
          {t('ledger.settlement.offer')}
        </button>
      ) : null}
      {offering ? <SettlementDialog detail={detail} onClose={() => setOffering(false)} /> : null}
    </section>
  );
}
