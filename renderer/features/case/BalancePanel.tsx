import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../common/api/types';
import { money } from '../../app/format';

export function BalancePanel({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  const b = detail.breakdown;
  return (
    <section className="panel" aria-labelledby="balance-heading" data-testid="balance-panel">
      <h2 id="balance-heading" className="panel-title">
        {t('case.balance.title')}
      </h2>
      <table className="money-table">
        <tbody>
          <tr>
            <th scope="row">{t('case.balance.principal')}</th>
            <td>{money(b.principal, l)}</td>
          </tr>
          <tr>
            <th scope="row">{t('case.balance.interest')}</th>
            <td>{money(b.interest, l)}</td>
          </tr>
          <tr>
            <th scope="row">{t('case.balance.penalty')}</th>
            <td>{money(b.penalty, l)}</td>
          </tr>
          <tr>
            <th scope="row">{t('case.balance.fees')}</th>
            <td>{money(b.fees, l)}</td>
          </tr>
          <tr className="money-total">
            <th scope="row">{t('case.balance.total')}</th>
            <td data-testid="balance-total">{money(detail.balance, l)}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted small">
        {t('case.balance.dpd', { dpd: detail.dpd, bucket: detail.bucket })}
        {detail.debts.length > 0 ? ` · ${detail.debts.map((d) => `${d.reference} (${d.product})`).join(', ')}` : ''}
      </p>
    </section>
  );
}
