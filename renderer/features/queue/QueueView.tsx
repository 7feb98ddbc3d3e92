/**
 * The work queue: a virtualized grid over the whole (possibly 100,000-row) queue. Only the rows on
 * screen exist in the DOM; pages of rows are fetched by offset as they scroll into view.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useQueue, PAGE_SIZE } from './queueStore';
import { COLUMNS } from './columns';
import { QueueRowCells } from './QueueRowCells';
import { QueueToolbar } from './QueueToolbar';
import { useNextCase } from './useNextCase';
import { useNavigation } from '../../stores/navigation';
import { useHotkeys } from '../../app/hotkeys';
import { errorText } from '../../app/errors';
import { formatInstant } from '../../app/format';
import { firstRowWhenLoaded } from './firstHit';

const ROW_HEIGHT = 34;
const FETCH_DELAY_MS = 60;

export function QueueView() {
  const { t, i18n } = useTranslation();
  const total = useQueue((s) => s.total);
  const asOf = useQueue((s) => s.asOf);
  const sort = useQueue((s) => s.sort);
  const dir = useQueue((s) => s.dir);
  const selected = useQueue((s) => s.selected);
  const error = useQueue((s) => s.error);
  useQueue((s) => s.pagesVersion);
  const { setSort, ensureRange, select, rowAt, invalidate } = useQueue.getState();
  const openCase = useNavigation((s) => s.openCase);
  const nextCase = useNextCase();
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const count = total ?? 0;

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialOffset: () => Math.max(0, selected * ROW_HEIGHT - 200),
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? PAGE_SIZE - 1;

  // First visit loads page 0 (or shows the page asked for at sign-in); coming back from a case
  // refreshes what is on screen (it may have changed).
  useEffect(() => {
    useQueue.getState().enter();
    scrollRef.current?.focus({ preventScroll: true });
  }, []);

  // Fetch the pages on screen once scrolling settles a moment, so a fast fling does not fetch every page passed.
  const pagesVersion = useQueue((s) => s.pagesVersion);
  useEffect(() => {
    const timer = window.setTimeout(() => ensureRange(firstIndex, lastIndex), FETCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [firstIndex, lastIndex, pagesVersion, ensureRange]);

  // Keep the selected row in view. The first page of a fresh screen with the first row selected is
  // already there (initialOffset): scrolling then would only force a layout before the first paint.
  const scrolled = useRef(false);
  useEffect(() => {
    if (count === 0 || (selected === 0 && !scrolled.current)) return;
    scrolled.current = true;
    virtualizer.scrollToIndex(Math.min(selected, count - 1), { align: 'auto' });
  }, [selected, count, virtualizer]);

  const openSelected = () => {
    const row = rowAt(selected);
    if (row) openCase(row.id);
  };
  const move = (delta: number) => select(selected + delta);
  const openFirstHit = () =>
    void firstRowWhenLoaded().then((row) => {
      if (row) openCase(row.id);
    });
  const intoResults = () => {
    select(0);
    scrollRef.current?.focus();
  };
  const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 2);

  useHotkeys({
    j: () => move(1),
    k: () => move(-1),
    '/': () => searchRef.current?.focus(),
    Enter: (e) => {
      if (e.target === document.body) openSelected();
    },
  });

  const onGridKey = (e: React.KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      ArrowUp: () => move(-1),
      PageDown: () => move(pageRows),
      PageUp: () => move(-pageRows),
      Home: () => select(0),
      End: () => select(count - 1),
      Enter: openSelected,
    };
    const f = keys[e.key];
    if (f && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      f();
    }
  };

  return (
    <section className="queue" data-testid="queue" aria-labelledby="queue-heading">
      <div className="queue-head">
        <h1 id="queue-heading">{t('queue.title')}</h1>
        <span className="queue-total" aria-live="polite">
          <span data-testid="queue-total">{total === null ? '…' : total.toLocaleString(i18n.language)}</span> {t('queue.cases', { count })}
        </span>
        {asOf ? <span className="muted small">{t('queue.asOf', { when: formatInstant(asOf, i18n.language) })}</span> : null}
        <div className="toolbar-spacer" />
        <button type="button" className="btn btn-primary" onClick={() => void nextCase()} data-testid="next-case" title={`${t('queue.nextCase')} (n)`}>
          {t('queue.nextCase')} <kbd aria-hidden="true">n</kbd>
        </button>
      </div>
      <QueueToolbar searchRef={searchRef} onOpenFirstHit={openFirstHit} onIntoResults={intoResults} />
      {error ? (
        <div className="banner banner-error" role="alert">
          {errorText(error, t)}
          <button type="button" className="btn btn-small" onClick={invalidate}>
            {t('common.retry')}
          </button>
        </div>
      ) : null}
      <div
        ref={scrollRef}
        className="grid-scroll"
        role="grid"
        aria-label={t('queue.gridLabel')}
        aria-rowcount={count}
        aria-colcount={COLUMNS.length}
        aria-busy={total === null}
        aria-activedescendant={count > 0 ? `queue-row-${selected}` : undefined}
        tabIndex={0}
        onKeyDown={onGridKey}
        data-testid="queue-grid"
      >
        <div role="rowgroup" className="grid-header">
          <div role="row" className="grid-row grid-row-header">
            {COLUMNS.map((c) => {
              const active = c.sort && c.sort === sort;
              return (
                <span
                  key={c.id}
                  role="columnheader"
                  className={`cell cell-head${c.align === 'end' ? ' cell-num' : ''}`}
                  aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {c.sort ? (
                    <button type="button" className="sort-button" onClick={() => setSort(c.sort!)} tabIndex={-1} title={t('queue.sortBy', { column: t(c.label) })}>
                      {t(c.label)}
                      <span aria-hidden="true" className="sort-arrow">
                        {active ? (dir === 'asc' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  ) : (
                    t(c.label)
                  )}
                </span>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            const isSelected = item.index === selected;
            return (
              <div
                key={item.key}
                id={`queue-row-${item.index}`}
                role="row"
                aria-rowindex={item.index + 1}
                aria-selected={isSelected}
                className={`grid-row${isSelected ? ' is-selected' : ''}${row ? '' : ' is-loading'}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                data-testid={row ? 'queue-row' : 'queue-row-loading'}
                data-case-id={row?.id}
                data-reference={row?.reference}
                onClick={() => select(item.index)}
                onDoubleClick={() => row && openCase(row.id)}
              >
                {row ? (
                  <QueueRowCells row={row} onOpen={() => openCase(row.id)} />
                ) : (
                  <span role="gridcell" className="cell cell-loading">
                    {t('common.loading')}
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
      {total === 0 ? (
        <p className="grid-empty" data-testid="queue-empty">
          {t('queue.empty')}
        </p>
      ) : null}
      <p className="queue-foot muted small">{t('queue.footHint')}</p>
    </section>
  );
}
