/**
 * The work queue: the query (sort, search, filters), a cache of fetched pages, and the selection.
 * Rows arrive by offset windows as the collector scrolls; a query change starts a new generation so
 * late answers for an old query are dropped.
 */
import { create } from 'zustand';
import type { CaseStatus, QueueRow } from '../../../common/api/types';
import type { ApiErrorBody } from '../../../common/api/result';
import type { BUCKETS as ContractBuckets, QUEUE_SORTS, QueueQueryInput } from '../../../common/api/methods/cases';
import { call, toApiError } from '../../app/api';

export const PAGE_SIZE = 100;
const MAX_CACHED_PAGES = 200;
const MAX_IN_FLIGHT = 4;

export type QueueSort = (typeof QUEUE_SORTS)[number];
export type SortDir = 'asc' | 'desc';
export type BucketFilter = (typeof ContractBuckets)[number];
// Value lists kept here (not imported) so the renderer bundle does not pull in the schemas.
export const BUCKETS = ['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7+'] as const satisfies readonly BucketFilter[];
export const STATUSES = ['open', 'promise', 'plan', 'closed', 'recalled'] as const satisfies readonly CaseStatus[];

/** The direction a column sorts in when first chosen: most urgent first. */
export const DEFAULT_DIR: Record<QueueSort, SortDir> = {
  priority: 'desc',
  balance: 'desc',
  dpd: 'desc',
  nextAction: 'asc',
  nextContact: 'asc',
  reference: 'asc',
};

export interface QueueFilters {
  placementId: string | null;
  status: CaseStatus | null;
  bucket: BucketFilter | null;
  promiseDueToday: boolean;
  contactableNow: boolean;
  includeClosed: boolean;
  /** Supervisors: one collector's cases. */
  assigneeId?: string | null;
}

export const EMPTY_FILTERS: QueueFilters = {
  placementId: null,
  status: null,
  bucket: null,
  promiseDueToday: false,
  contactableNow: false,
  includeClosed: false,
  assigneeId: null,
};

interface QueueState {
  sort: QueueSort;
  dir: SortDir;
  search: string;
  filters: QueueFilters;
  generation: number;
  total: number | null;
  asOf: string | null;
  pages: Map<number, QueueRow[]>;
  /** The previous generation's pages, shown until fresh ones arrive (no flash after a refresh). */
  stale: Map<number, QueueRow[]>;
  /** Bumped whenever `pages` changes so components re-render. */
  pagesVersion: number;
  inFlight: Set<number>;
  error: ApiErrorBody | null;
  selected: number;
  /** The first page was asked for before the queue screen mounted (at sign-in) and not yet shown. */
  primed: boolean;
  /** At sign-in: ask for the default query's first page while the app shell renders. */
  prime(): void;
  /** The queue screen mounted: the first visit loads page 0 (unless primed); later visits refresh what is on screen. */
  enter(): void;
  setSort(sort: QueueSort, dir?: SortDir): void;
  setSearch(search: string): void;
  setFilter<K extends keyof QueueFilters>(key: K, value: QueueFilters[K]): void;
  clearFilters(): void;
  /** Fetch the pages covering rows [start, end] that are not cached or loading. */
  ensureRange(start: number, end: number): void;
  /** Drop the cache (data changed) and reload what is on screen. */
  invalidate(): void;
  select(index: number): void;
  rowAt(index: number): QueueRow | undefined;
}

export function queryInput(s: Pick<QueueState, 'sort' | 'dir' | 'search' | 'filters'>, offset: number): QueueQueryInput {
  const f = s.filters;
  const filters: NonNullable<QueueQueryInput['filters']> = {};
  if (f.placementId) filters.placementId = f.placementId;
  if (f.status) filters.status = [f.status];
  if (f.bucket) filters.bucket = f.bucket;
  if (f.promiseDueToday) filters.promiseDueToday = true;
  if (f.assigneeId) filters.assigneeId = f.assigneeId;
  if (f.contactableNow) filters.contactableNow = true;
  if (f.includeClosed || f.status === 'closed' || f.status === 'recalled') filters.includeClosed = true;
  const search = s.search.trim();
  return {
    offset,
    limit: PAGE_SIZE,
    sort: s.sort,
    dir: s.dir,
    ...(search ? { search } : {}),
    filters,
  };
}

export const useQueue = create<QueueState>((set, get) => {
  const restart = (patch: Partial<QueueState>) => {
    set({
      ...patch,
      generation: get().generation + 1,
      pages: new Map(),
      stale: new Map(),
      pagesVersion: get().pagesVersion + 1,
      inFlight: new Set(),
      total: null,
      error: null,
      selected: 0,
    });
    get().ensureRange(0, PAGE_SIZE - 1);
  };

  const fetchPage = async (page: number) => {
    const { generation } = get();
    get().inFlight.add(page);
    try {
      const result = await call((a) => a.cases.queue(queryInput(get(), page * PAGE_SIZE)));
      if (get().generation !== generation) return;
      const pages = new Map(get().pages);
      pages.set(page, result.rows);
      // Keep memory bounded on 100k-row queues: forget the pages farthest from this one.
      if (pages.size > MAX_CACHED_PAGES) {
        const far = [...pages.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
        for (const p of far.slice(0, pages.size - MAX_CACHED_PAGES)) pages.delete(p);
      }
      set({ pages, pagesVersion: get().pagesVersion + 1, total: result.total, asOf: result.asOf, error: null });
    } catch (err) {
      if (get().generation === generation) set({ error: toApiError(err).body });
    } finally {
      if (get().generation === generation) {
        get().inFlight.delete(page);
        set({ pagesVersion: get().pagesVersion + 1 });
      }
    }
  };

  return {
    sort: 'priority',
    dir: DEFAULT_DIR.priority,
    search: '',
    filters: EMPTY_FILTERS,
    generation: 0,
    total: null,
    asOf: null,
    pages: new Map(),
    stale: new Map(),
    pagesVersion: 0,
    inFlight: new Set(),
    error: null,
    selected: 0,
    primed: false,

    prime() {
      if (get().generation !== 0) return;
      get().setSort('priority', DEFAULT_DIR.priority);
      set({ primed: true });
    },
    enter() {
      const s = get();
      if (s.generation === 0) s.setSort('priority', DEFAULT_DIR.priority);
      else if (s.primed) set({ primed: false });
      else s.invalidate();
    },
    setSort(sort, dir) {
      const s = get();
      const nextDir = dir ?? (s.sort === sort ? (s.dir === 'asc' ? 'desc' : 'asc') : DEFAULT_DIR[sort]);
      restart({ sort, dir: nextDir });
    },
    setSearch(search) {
      if (search === get().search) return;
      restart({ search });
    },
    setFilter(key, value) {
      restart({ filters: { ...get().filters, [key]: value } });
    },
    clearFilters() {
      restart({ filters: EMPTY_FILTERS, search: '' });
    },
    ensureRange(start, end) {
      const { pages, inFlight, total } = get();
      const last = total === null ? end : Math.min(end, Math.max(0, total - 1));
      const first = Math.max(0, start);
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) {
        if (pages.has(p) || inFlight.has(p)) continue;
        if (inFlight.size >= MAX_IN_FLIGHT) break;
        void fetchPage(p);
      }
    },
    invalidate() {
      const s = get();
      const stale = new Map([...s.stale, ...s.pages]);
      set({ generation: s.generation + 1, pages: new Map(), stale, inFlight: new Set(), pagesVersion: s.pagesVersion + 1, error: null });
      const page = Math.floor(s.selected / PAGE_SIZE);
      get().ensureRange(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE - 1);
    },
    select(index) {
      const total = get().total ?? 0;
      const clamped = Math.max(0, Math.min(index, Math.max(0, total - 1)));
      if (clamped !== get().selected) set({ selected: clamped });
    },
    rowAt(index) {
      const page = Math.floor(index / PAGE_SIZE);
      const s = get();
      return (s.pages.get(page) ?? s.stale.get(page))?.[index % PAGE_SIZE];
    },
  };
});
