import type { QueueSort } from './queueStore';

export interface Column {
  id: string;
  label: string; // i18n key
  sort?: QueueSort;
  align?: 'end';
}

export const COLUMNS: Column[] = [
  { id: 'reference', label: 'queue.col.reference', sort: 'reference' },
  { id: 'borrower', label: 'queue.col.borrower' },
  { id: 'placement', label: 'queue.col.placement' },
  { id: 'collector', label: 'queue.col.collector' },
  { id: 'balance', label: 'queue.col.balance', sort: 'balance', align: 'end' },
  { id: 'dpd', label: 'queue.col.dpd', sort: 'dpd', align: 'end' },
  { id: 'status', label: 'queue.col.status' },
  { id: 'nextAction', label: 'queue.col.nextAction', sort: 'nextAction' },
  { id: 'nextContact', label: 'queue.col.nextContact', sort: 'nextContact' },
  { id: 'promise', label: 'queue.col.promiseDue' },
  { id: 'flags', label: 'queue.col.flags' },
];
