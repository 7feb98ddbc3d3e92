/** The cells of one queue row; every state is spelled out in words, colour only supports it. */
import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../../../common/api/types';
import { FlagBadges, activeFlags } from '../../components/FlagBadges';
import { formatDate, formatDateTime, formatInstant, money, todayLocal } from '../../app/format';
import { CollectorCell } from './CollectorFilter';

export function NextContactCell({ row }: { row: QueueRow }) {
  const { t, i18n } = useTranslation();
  if (row.contactableNow) {
    return (
      <span className="contact-state contact-now">
        <span aria-hidden="true">●</span> {t('queue.contact.now')}
      </span>
    );
  }
  if (row.nextContactAt) {
    return (
      <span className="contact-state contact-later" title={formatDateTime(row.nextContactAt, i18n.language)}>
        <span aria-hidden="true">◷</span> {t('queue.contact.at', { when: formatInstant(row.nextContactAt, i18n.language) })}
      </span>
    );
  }
  const flag = activeFlags(row.flags)[0];
  return (
    <span className="contact-state contact-paused">
      <span aria-hidden="true">⏸</span> {t('queue.contact.paused', { reason: flag ? t(`flags.${flag}.label`) : t('queue.contact.pausedUnknown') })}
    </span>
  );
}

export function QueueRowCells({ row, onOpen }: { row: QueueRow; onOpen(): void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const today = todayLocal();
  const promiseState = row.promiseDue ? (row.promiseDue < today ? 'overdue' : row.promiseDue === today ? 'today' : 'later') : null;
  return (
    <>
      <span role="gridcell" className="cell cell-ref">
        <button
          type="button"
          className="link-button"
          tabIndex={-1}
          onClick={(e) => {
            e.stopPropagation();
            onOpen();
          }}
        >
          {row.reference}
        </button>
      </span>
      <span role="gridcell" className="cell">
        {row.borrowerName}
      </span>
      <span role="gridcell" className="cell cell-muted" title={row.placementCode}>
        {row.placementCode}
      </span>
      <span role="gridcell" className="cell" data-testid="queue-collector">
        <CollectorCell assigneeId={row.assigneeId} />
      </span>
      <span role="gridcell" className="cell cell-num">
        {money(row.balance, locale)}
      </span>
      <span role="gridcell" className="cell cell-num">
        {row.dpd} <span className="bucket">{row.bucket}</span>
      </span>
      <span role="gridcell" className="cell">
        <span className={`status status-${row.status}`}>{t(`status.${row.status}`)}</span>
      </span>
      <span role="gridcell" className="cell">
        {row.nextActionAt ? formatInstant(row.nextActionAt, locale) : <span className="cell-muted">—</span>}
      </span>
      <span role="gridcell" className="cell">
        <NextContactCell row={row} />
      </span>
      <span role="gridcell" className="cell">
        {row.promiseDue ? (
          <span className={`promise promise-${promiseState}`} title={formatDate(row.promiseDue, locale)}>
            {promiseState === 'today' ? t('queue.promise.today') : promiseState === 'overdue' ? t('queue.promise.overdue', { date: formatDate(row.promiseDue, locale, { short: true }) }) : formatDate(row.promiseDue, locale, { short: true })}
          </span>
        ) : (
          <span className="cell-muted">—</span>
        )}
      </span>
      <span role="gridcell" className="cell cell-flags">
        <FlagBadges flags={row.flags} max={3} />
      </span>
    </>
  );
}
