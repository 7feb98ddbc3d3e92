/** Busy / error state for one user action (a dialog's submit), with errors in plain words. */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorBody } from '../../common/api/result';
import { toApiError } from '../app/api';
import { errorText } from '../app/errors';

export interface Action<A extends unknown[], T> {
  run(...args: A): Promise<T | undefined>;
  busy: boolean;
  error: string | null;
  errorBody: ApiErrorBody | null;
  clearError(): void;
}

export function useAction<A extends unknown[], T>(fn: (...args: A) => Promise<T>): Action<A, T> {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [errorBody, setErrorBody] = useState<ApiErrorBody | null>(null);
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const busyRef = useRef(false);
  const run = useCallback(async (...args: A) => {
    if (busyRef.current) return undefined;
    busyRef.current = true;
    setBusy(true);
    setErrorBody(null);
    try {
      return await fnRef.current(...args);
    } catch (err) {
      setErrorBody(toApiError(err).body);
      return undefined;
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, []);
  return {
    run,
    busy,
    errorBody,
    error: errorBody ? errorText(errorBody, t) : null,
    clearError: () => setErrorBody(null),
  };
}
