/** The team's headline figures for the period, one tile each. */
import { useTranslation } from 'react-i18next';
import type { PerformanceFigures } from '../../../../common/api/types-supervisor';
import { money } from '../../../app/format';
import { complaintsTone, formatCount, formatRate } from '../figures';

export function TeamSummary({ team }: { team: PerformanceFigures }) {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  const tone = complaintsTone(team.complaints);
  const tiles: { key: string; value: string; detail: string; tone?: string }[] = [
    { key: 'attempts', value: formatCount(team.attempts, l), detail: t('supervisor.summary.attemptsDetail') },
    {
      key: 'rightPartyRate',
      value: formatRate(team.rightPartyRate, l),
      detail: t('supervisor.summary.ofAttempts', { n: formatCount(team.rightPartyContacts, l), of: formatCount(team.attempts, l) }),
    },
    {
      key: 'promiseRate',
      value: formatRate(team.promiseRate, l),
      detail: t('supervisor.summary.promisesOfContacts', { n: formatCount(team.promisesMade, l), of: formatCount(team.rightPartyContacts, l) }),
    },
    {
      key: 'promiseKeptRate',
      value: formatRate(team.promiseKeptRate, l),
      detail: t('supervisor.summary.keptOfDue', { n: formatCount(team.promisesKept, l), of: formatCount(team.promisesDue, l) }),
    },
    {
      key: 'collected',
      value: team.collected.length > 0 ? team.collected.map((m) => money(m, l)).join(' · ') : '—',
      detail: t('supervisor.summary.collectedDetail'),
    },
    {
      key: 'guardrail',
      value: t('supervisor.summary.warnBlock', { warnings: formatCount(team.guardrail.warnings, l), blocks: formatCount(team.guardrail.blocks, l) }),
      detail: t('supervisor.summary.overrides', { approved: formatCount(team.guardrail.overridesApproved, l), requested: formatCount(team.guardrail.overridesRequested, l) }),
      tone: team.guardrail.blocks > 0 ? 'care' : undefined,
    },
    {
      key: 'complaints',
      value: t('supervisor.summary.openOverdue', { open: formatCount(team.complaints.open, l), overdue: formatCount(team.complaints.overdue, l) }),
      detail: t('supervisor.summary.complaintsOpened', { n: formatCount(team.complaints.opened, l) }),
      tone: tone === 'ok' ? undefined : tone,
    },
  ];
  return (
    <section aria-labelledby="sup-summary-heading" className="sup-summary">
      <h2 id="sup-summary-heading" className="visually-hidden">
        {t('supervisor.summary.heading')}
      </h2>
      <dl className="sup-tiles" data-testid="sup-team-summary">
        {tiles.map((tile) => (
          <div key={tile.key} className={`sup-tile${tile.tone ? ` sup-tile-${tile.tone}` : ''}`}>
            <dt>{t(`supervisor.summary.${tile.key}`)}</dt>
            <dd className="sup-tile-value">{tile.value}</dd>
            <dd className="sup-tile-detail">{tile.detail}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
