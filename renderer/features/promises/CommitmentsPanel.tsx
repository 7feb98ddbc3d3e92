/** Promises to pay and payment plans on the case, with their status in words. */
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../common/api/types';
import { formatDate, money } from '../../app/format';

export function CommitmentsPanel({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  if (detail.promises.length === 0 && detail.plans.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="commitments-heading" data-testid="commitments">
      <h2 id="commitments-heading" className="panel-title">
        {t('promises.title')}
      </h2>
      {detail.promises.length > 0 ? (
        <table className="data-table">
          <caption className="visually-hidden">{t('promises.promises')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('promises.due')}</th>
              <th scope="col" className="num">
                {t('promises.amount')}
              </th>
              <th scope="col">{t('promises.status')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.promises.map((p) => (
              <tr key={p.id} data-testid="promise-row">
                <td>{formatDate(p.dueDate, l)}</td>
                <td className="num">{money(p.amount, l)}</td>
                <td>
                  <span className={`status status-promise-${p.status}`}>{t(`promises.state.${p.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {detail.plans.map((plan) => (
        <div key={plan.id} className="plan" data-testid="plan">
          <h3 className="panel-subtitle">
            {t('plans.heading', { total: money(plan.total, l), count: plan.installments.length })}{' '}
            <span className={`status status-plan-${plan.status}`}>{t(`plans.state.${plan.status}`)}</span>
          </h3>
          <table className="data-table">
            <caption className="visually-hidden">{t('plans.schedule')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('promises.due')}</th>
                <th scope="col" className="num">
                  {t('promises.amount')}
                </th>
                <th scope="col" className="num">
                  {t('plans.paid')}
                </th>
                <th scope="col">{t('promises.status')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.installments.map((i) => (
                <tr key={i.seq} data-testid="installment" data-status={i.status}>
                  <td>{i.seq}</td>
                  <td>{formatDate(i.dueDate, l)}</td>
                  <td className="num">{money(i.amount, l)}</td>
                  <td className="num">{money(i.paid, l)}</td>
                  <td>{t(`plans.installment.${i.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
