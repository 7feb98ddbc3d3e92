/** The placement's terms, the lender's initial assessment and the formal-notice status. */
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../common/api/types';
import { formatDate, formatDateTime, money } from '../../app/format';

export function PlacementPanel({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  const p = detail.placement;
  return (
    <section className="panel" aria-labelledby="placement-heading" data-testid="placement-panel">
      <h2 id="placement-heading" className="panel-title">
        {t('case.placement.title')}
      </h2>
      <dl className="facts">
        <dt>{t('case.placement.lender')}</dt>
        <dd>{p.lenderName}</dd>
        <dt>{t('case.placement.placement')}</dt>
        <dd>
          {p.code} · {p.name}
        </dd>
        <dt>{t('case.placement.agreement')}</dt>
        <dd>{p.agreementRef}</dd>
        <dt>{t('case.placement.preset')}</dt>
        <dd>
          {t(`preset.${p.preset}`)} <span className="muted small">{p.policyVersion}</span>
        </dd>
        <dt>{t('case.placement.target')}</dt>
        <dd>{money(p.target, l)}</dd>
        <dt>{t('case.placement.period')}</dt>
        <dd>
          {formatDate(p.startDate, l)} – {formatDate(p.endDate, l)}
        </dd>
        <dt>{t('case.placement.complaints')}</dt>
        <dd>{t('case.placement.complaintTerms', { days: p.complaintResponseDays, channel: p.complaintChannel })}</dd>
      </dl>
      <h3 className="panel-subtitle">{t('case.assessment.title')}</h3>
      {detail.assessment ? (
        <dl className="facts">
          <dt>{t('case.assessment.segment')}</dt>
          <dd>{t(`segment.${detail.assessment.segment}`, { defaultValue: detail.assessment.segment })}</dd>
          <dt>{t('case.assessment.ability')}</dt>
          <dd>
            <meter min={0} max={100} value={detail.assessment.abilityToPay} aria-label={t('case.assessment.ability')} />{' '}
            {detail.assessment.abilityToPay}/100
          </dd>
          {detail.assessment.notes ? (
            <>
              <dt>{t('case.assessment.notes')}</dt>
              <dd>{detail.assessment.notes}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p className="muted">{t('case.assessment.none')}</p>
      )}
      <h3 className="panel-subtitle">{t('case.notice.title')}</h3>
      {detail.notice ? (
        <p data-testid="notice-status">
          <span className="badge badge-ok">{t('case.notice.sent')}</span>{' '}
          {t('case.notice.detail', {
            kind: t(`noticeKind.${detail.notice.kind}`, { defaultValue: detail.notice.kind }),
            when: formatDateTime(detail.notice.sentAt, l),
            channel: t(`channel.${detail.notice.channel}`, { defaultValue: detail.notice.channel }),
          })}
        </p>
      ) : (
        <p data-testid="notice-status">
          <span className="badge badge-care">{t('case.notice.notSent')}</span>
        </p>
      )}
    </section>
  );
}
