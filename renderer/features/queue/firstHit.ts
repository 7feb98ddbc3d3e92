/** The first row of the queue's current query, once its first page has arrived. */
import type { QueueRow } from '../../../common/api/types';
import { useQueue } from './queueStore';

const WAIT_MS = 15_000;

/** Resolves with the first row (null when the query has none, fails, or takes too long). */
export function firstRowWhenLoaded(timeoutMs = WAIT_MS): Promise<QueueRow | null> {
  return new Promise((resolve) => {
    let unsubscribe: () => void = () => undefined;
    let timer = 0;
    const settle = (row: QueueRow | null) => {
      unsubscribe();
      window.clearTimeout(timer);
      resolve(row);
    };
    const check = (s: ReturnType<typeof useQueue.getState>): boolean => {
      if (s.error) settle(null);
      else if (s.pages.has(0)) settle(s.pages.get(0)?.[0] ?? null);
      else return false;
      return true;
    };
    if (check(useQueue.getState())) return;
    unsubscribe = useQueue.subscribe((s) => void check(s));
    timer = window.setTimeout(() => settle(null), timeoutMs);
  });
}
