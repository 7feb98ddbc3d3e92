/** Heading, status filter and reload for a review queue. */
import { type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

export function ListHeader<F extends string>({
  headingId,
  headingRef,
  title,
  count,
  filter,
  filters,
  filterLabel,
  optionLabel,
  onFilter,
  onReload,
  loading,
  testId,
}: {
  headingId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  title: string;
  count: number | null;
  filter: F;
  filters: readonly F[];
  filterLabel: string;
  optionLabel(f: F): string;
  onFilter(f: F): void;
  onReload(): void;
  loading: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="sup-list-head">
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {title}
        {count !== null ? <span className="sup-count"> ({count})</span> : null}
      </h2>
      <label className="field field-inline">
        <span>{filterLabel}</span>
        <select value={filter} onChange={(e) => onFilter(e.target.value as F)} data-testid={testId}>
          {filters.map((f) => (
            <option key={f} value={f}>
              {optionLabel(f)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn btn-small" onClick={onReload} disabled={loading}>
        {loading ? t('common.loading') : t('supervisor.review.reload')}
      </button>
    </div>
  );
}
