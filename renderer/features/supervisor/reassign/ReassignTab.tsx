/** Move a case to another collector of the team: find it by reference, pick the collector, confirm. */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../app/errors';
import { money } from '../../../app/format';
import { toApiError } from '../../../app/api';
import { useUi } from '../../../stores/ui';
import { useReassign, RESULT_LIMIT } from '../reassignStore';
import { assignable, useTeam } from '../teamStore';
import { usePersonName } from '../usePeople';
import { BulkReassign } from './BulkReassign';

const SEARCH_DEBOUNCE_MS = 250;

export function ReassignTab() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const l = i18n.language;
  const query = useReassign((s) => s.query);
  const results = useReassign((s) => s.results);
  const total = useReassign((s) => s.total);
  const searching = useReassign((s) => s.searching);
  const searchError = useReassign((s) => s.error);
  const selectedId = useReassign((s) => s.selectedId);
  const last = useReassign((s) => s.last);
  const people = useTeam((s) => s.people);
  const teamError = useTeam((s) => s.error);
  const collectors = assignable(people);
  const nameOf = usePersonName();
  const notify = useUi((s) => s.notify);
  const [text, setText] = useState(query);
  const [assigneeId, setAssigneeId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const collectorRef = useRef<HTMLSelectElement>(null);
  const selected = results.find((r) => r.id === selectedId) ?? null;

  useEffect(() => {
    void useTeam.getState().load();
    searchRef.current?.focus();
  }, []);

  useEffect(() => {
    if (text.trim() === useReassign.getState().query) return;
    const timer = window.setTimeout(() => void useReassign.getState().search(text), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  const choose = (caseId: string) => {
    useReassign.getState().select(caseId);
    setError(null);
  };

  const submit = async () => {
    if (!selected || !assigneeId || busy) return;
    setBusy(true);
    setError(null);
    try {
      const done = await useReassign.getState().reassign(selected.id, assigneeId);
      notify('success', t('supervisor.reassign.done', { reference: done.reference, who: nameOf(done.assigneeId) ?? '' }));
      void useTeam.getState().load(true);
      searchRef.current?.select();
      searchRef.current?.focus();
    } catch (err) {
      setError(errorText(toApiError(err).body, t));
    } finally {
      setBusy(false);
    }
  };

  const onResultsKey = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const i = results.findIndex((r) => r.id === selectedId);
    const next = results[Math.max(0, Math.min(results.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (next) {
      choose(next.id);
      document.getElementById(`${id}-case-${next.id}`)?.focus();
    }
  };

  return (
    <section className="sup-reassign" aria-labelledby="sup-reassign-heading">
      <h2 id="sup-reassign-heading">{t('supervisor.reassign.title')}</h2>
      <p className="muted small">{t('supervisor.reassign.intro')}</p>

      <div className="sup-step" role="search" aria-label={t('supervisor.reassign.searchLabel')}>
        <label className="field">
          <span>{t('supervisor.reassign.search')}</span>
          <input
            ref={searchRef}
            type="search"
            value={text}
            maxLength={100}
            placeholder={t('supervisor.reassign.searchPlaceholder')}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void useReassign.getState().search(text);
              } else if (e.key === 'ArrowDown' && results.length > 0) {
                e.preventDefault();
                const target = selected ?? results[0]!;
                choose(target.id);
                document.getElementById(`${id}-case-${target.id}`)?.focus();
              }
            }}
            aria-describedby={`${id}-count`}
            data-testid="sup-reassign-search"
          />
        </label>
        <p id={`${id}-count`} className="muted small" role="status">
          {searching
            ? t('supervisor.reassign.searching')
            : total === null
              ? t('supervisor.reassign.typeToSearch')
              : total > RESULT_LIMIT
                ? t('supervisor.reassign.manyResults', { shown: results.length, count: total })
                : t('supervisor.reassign.results', { count: total })}
        </p>
      </div>
      {searchError ? (
        <div className="banner banner-error" role="alert">
          {errorText(searchError, t)}
        </div>
      ) : null}

      {results.length > 0 ? (
        <fieldset className="sup-results" onKeyDown={onResultsKey}>
          <legend>{t('supervisor.reassign.pickCase')}</legend>
          <table className="sup-table sup-table-compact">
            <caption className="visually-hidden">{t('supervisor.reassign.resultsCaption', { query })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('supervisor.reassign.col.reference')}</th>
                <th scope="col">{t('supervisor.reassign.col.borrower')}</th>
                <th scope="col">{t('supervisor.reassign.col.placement')}</th>
                <th scope="col">{t('supervisor.reassign.col.holder')}</th>
                <th scope="col">{t('supervisor.reassign.col.status')}</th>
                <th scope="col" className="num">{t('supervisor.reassign.col.balance')}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => {
                const isSelected = r.id === selectedId;
                return (
                  <tr
                    key={r.id}
                    className={isSelected ? 'is-selected' : undefined}
                    onClick={() => choose(r.id)}
                    data-testid="sup-reassign-case"
                    data-case-id={r.id}
                    data-reference={r.reference}
                  >
                    <th scope="row">
                      <label className="check">
                        <input
                          id={`${id}-case-${r.id}`}
                          type="radio"
                          name={`${id}-case`}
                          value={r.id}
                          checked={isSelected}
                          onChange={() => choose(r.id)}
                          onKeyDown={(e) => {
                            if (e.key === 'Enter' && isSelected) {
                              e.preventDefault();
                              collectorRef.current?.focus();
                            }
                          }}
                        />
                        <span className="sup-code">{r.reference}</span>
                      </label>
                    </th>
                    <td>{r.borrowerName}</td>
                    <td>{r.placementCode}</td>
                    <td data-testid="sup-reassign-holder">{r.assigneeId ? nameOf(r.assigneeId) : '—'}</td>
                    <td>{t(`supervisor.reassign.status.${r.status}`)}</td>
                    <td className="num">{money(r.balance, l)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>
      ) : null}

      <form
        className="sup-step sup-reassign-form"
        aria-label={t('supervisor.reassign.formLabel')}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="sup-selected" aria-live="polite">
          {selected ? t('supervisor.reassign.selected', { reference: selected.reference }) : t('supervisor.reassign.noneSelected')}
          {selected?.assigneeId ? ` ${t('supervisor.reassign.heldBy', { who: nameOf(selected.assigneeId) ?? '—' })}` : null}
        </p>
        <label className="field">
          <span>{t('supervisor.reassign.collector')}</span>
          <select ref={collectorRef} value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)} data-testid="sup-reassign-collector">
            <option value="">{t('supervisor.reassign.chooseCollector')}</option>
            {collectors.map((p) => (
              <option key={p.id} value={p.id}>
                {p.openCases !== null ? t('supervisor.reassign.collectorOption', { name: p.displayName, count: p.openCases }) : p.displayName}
              </option>
            ))}
          </select>
        </label>
        {teamError ? <p className="form-error small">{errorText(teamError, t)}</p> : null}
        <button type="submit" className="btn btn-primary" disabled={!selected || !assigneeId || busy} data-testid="sup-reassign-confirm">
          {busy ? t('common.working') : t('supervisor.reassign.confirm')}
        </button>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
      {last ? (
        <p className="sup-last muted small" data-testid="sup-reassign-last">
          {t('supervisor.reassign.lastDone', { reference: last.reference, who: nameOf(last.assigneeId) ?? '' })}
        </p>
      ) : null}
      <BulkReassign />
    </section>
  );
}
