/** Search, filters and the "Next case" button above the queue. */
import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { PlacementSelect } from '../../components/PlacementSelect';
import { CollectorSelect } from './CollectorFilter';
import { BUCKETS, STATUSES, useQueue, type BucketFilter, type QueueSort, type SortDir } from './queueStore';
import type { CaseStatus } from '../../../common/api/types';

const SEARCH_DEBOUNCE_MS = 250;
const SORT_OPTIONS: [QueueSort, SortDir][] = [
  ['priority', 'desc'],
  ['priority', 'asc'],
  ['balance', 'desc'],
  ['balance', 'asc'],
  ['dpd', 'desc'],
  ['dpd', 'asc'],
  ['nextAction', 'asc'],
  ['nextAction', 'desc'],
  ['nextContact', 'asc'],
  ['nextContact', 'desc'],
  ['reference', 'asc'],
  ['reference', 'desc'],
];

export function QueueToolbar({
  searchRef,
  onOpenFirstHit,
  onIntoResults,
}: {
  searchRef: RefObject<HTMLInputElement | null>;
  /** Enter in the search box: the search runs at once and its first hit opens. */
  onOpenFirstHit(): void;
  /** ↓ in the search box: the search runs at once and the keyboard moves into the results. */
  onIntoResults(): void;
}) {
  const { t } = useTranslation();
  const search = useQueue((s) => s.search);
  const filters = useQueue((s) => s.filters);
  const setSearch = useQueue((s) => s.setSearch);
  const setFilter = useQueue((s) => s.setFilter);
  const clearFilters = useQueue((s) => s.clearFilters);
  const sort = useQueue((s) => s.sort);
  const dir = useQueue((s) => s.dir);
  const setSort = useQueue((s) => s.setSort);
  const [text, setText] = useState(search);

  useEffect(() => setText(search), [search]);
  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(text), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, setSearch]);

  const anyFilter =
    search !== '' || filters.placementId !== null || filters.status !== null || filters.bucket !== null ||
    filters.promiseDueToday || filters.contactableNow || filters.includeClosed || Boolean(filters.assigneeId);

  return (
    <div className="queue-toolbar" role="search" aria-label={t('queue.filtersLabel')}>
      <label className="field field-search">
        <span className="visually-hidden">{t('queue.search')}</span>
        <input
          ref={searchRef}
          type="search"
          value={text}
          placeholder={t('queue.searchPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === 'ArrowDown') {
              e.preventDefault();
              setSearch(text);
              if (e.key === 'Enter') onOpenFirstHit();
              else onIntoResults();
            }
            if (e.key === 'Escape') {
              if (text) setText('');
              else e.currentTarget.blur();
            }
          }}
          maxLength={100}
          data-testid="queue-search"
        />
        <kbd className="field-hint" aria-hidden="true">/</kbd>
      </label>
      <label className="field field-inline">
        <span>{t('queue.sort.label')}</span>
        <select
          value={`${sort}:${dir}`}
          onChange={(e) => {
            const [s, d] = e.target.value.split(':') as [QueueSort, SortDir];
            setSort(s, d);
          }}
          data-testid="queue-sort"
        >
          {SORT_OPTIONS.map(([s, d]) => (
            <option key={`${s}:${d}`} value={`${s}:${d}`}>
              {t(`queue.sort.${s}_${d}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-inline">
        <span>{t('queue.filter.placement')}</span>
        <PlacementSelect value={filters.placementId ?? ''} onChange={(placementId) => setFilter('placementId', placementId || null)} allLabel={t('queue.filter.all')} testId="filter-placement" />
      </label>
      <CollectorSelect value={filters.assigneeId ?? null} onChange={(id) => setFilter('assigneeId', id)} />
      <label className="field field-inline">
        <span>{t('queue.filter.status')}</span>
        <select value={filters.status ?? ''} onChange={(e) => setFilter('status', (e.target.value || null) as CaseStatus | null)} data-testid="filter-status">
          <option value="">{t('queue.filter.active')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-inline">
        <span>{t('queue.filter.bucket')}</span>
        <select value={filters.bucket ?? ''} onChange={(e) => setFilter('bucket', (e.target.value || null) as BucketFilter | null)} data-testid="filter-bucket">
          <option value="">{t('queue.filter.all')}</option>
          {BUCKETS.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={filters.promiseDueToday} onChange={(e) => setFilter('promiseDueToday', e.target.checked)} data-testid="filter-promise-today" />
        <span>{t('queue.filter.promiseDueToday')}</span>
      </label>
      <label className="check">
        <input type="checkbox" checked={filters.contactableNow} onChange={(e) => setFilter('contactableNow', e.target.checked)} data-testid="filter-contactable" />
        <span>{t('queue.filter.contactableNow')}</span>
      </label>
      <label className="check">
        <input type="checkbox" checked={filters.includeClosed} onChange={(e) => setFilter('includeClosed', e.target.checked)} data-testid="filter-closed" />
        <span>{t('queue.filter.includeClosed')}</span>
      </label>
      {anyFilter ? (
        <button type="button" className="btn btn-ghost btn-small" onClick={() => { setText(''); clearFilters(); }}>
          {t('queue.filter.clear')}
        </button>
      ) : null}
    </div>
  );
}
