/**
 * Bulk reassignment: every case one collector holds (e.g. while away), optionally of one placement,
 * shared out in turn among the collectors picked. "Check" shows how many cases go to whom (a dry
 * run); "Move" does it; each case is audited.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReassignManyResult } from '../../../../common/api/types';
import { call, toApiError } from '../../../app/api';
import { errorText } from '../../../app/errors';
import { PlacementSelect } from '../../../components/PlacementSelect';
import { useUi } from '../../../stores/ui';
import { useQueue } from '../../queue/queueStore';
import { assignable, useTeam } from '../teamStore';
import { usePersonName } from '../usePeople';

export function BulkReassign() {
  const { t } = useTranslation();
  const people = useTeam((s) => s.people);
  const collectors = assignable(people);
  const nameOf = usePersonName();
  const notify = useUi((s) => s.notify);
  const [from, setFrom] = useState('');
  const [placementId, setPlacementId] = useState('');
  const [to, setTo] = useState<string[]>([]);
  const [plan, setPlan] = useState<ReassignManyResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const targets = to.filter((id) => id !== from);

  const run = async (dryRun: boolean) => {
    if (!from || targets.length === 0 || busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await call((a) => a.cases.reassignMany({ fromAssigneeId: from, toAssigneeIds: targets, dryRun, ...(placementId ? { placementId } : {}) }));
      if (dryRun) setPlan(r);
      else {
        setPlan(null);
        notify('success', t('supervisor.bulk.done', { count: r.moved, who: nameOf(from) ?? '' }));
        void useTeam.getState().load(true);
        useQueue.getState().invalidate();
      }
    } catch (err) {
      setError(errorText(toApiError(err).body, t));
    } finally {
      setBusy(false);
    }
  };

  const change = (f: () => void) => {
    f();
    setPlan(null);
  };

  return (
    <form className="sup-step sup-bulk" aria-labelledby="sup-bulk-heading" onSubmit={(e) => e.preventDefault()} data-testid="sup-bulk">
      <h3 id="sup-bulk-heading">{t('supervisor.bulk.title')}</h3>
      <p className="muted small">{t('supervisor.bulk.intro')}</p>
      <label className="field">
        <span>{t('supervisor.bulk.from')}</span>
        <select value={from} onChange={(e) => change(() => setFrom(e.target.value))} data-testid="sup-bulk-from">
          <option value="">{t('supervisor.reassign.chooseCollector')}</option>
          {collectors.map((p) => (
            <option key={p.id} value={p.id}>
              {p.openCases !== null ? t('supervisor.reassign.collectorOption', { name: p.displayName, count: p.openCases }) : p.displayName}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('supervisor.bulk.placement')}</span>
        <PlacementSelect value={placementId} onChange={(id) => change(() => setPlacementId(id))} allLabel={t('supervisor.bulk.allPlacements')} testId="sup-bulk-placement" />
      </label>
      <fieldset className="sup-bulk-to">
        <legend>{t('supervisor.bulk.to')}</legend>
        {collectors
          .filter((p) => p.id !== from)
          .map((p) => (
            <label key={p.id} className="check">
              <input
                type="checkbox"
                checked={to.includes(p.id)}
                onChange={(e) => change(() => setTo(e.target.checked ? [...to, p.id] : to.filter((x) => x !== p.id)))}
                data-testid="sup-bulk-to"
                data-user-id={p.id}
              />
              <span>{p.displayName}</span>
            </label>
          ))}
      </fieldset>
      {plan ? (
        <div className="sup-bulk-plan" role="status" data-testid="sup-bulk-plan">
          <p>{t('supervisor.bulk.matched', { count: plan.matched, who: nameOf(plan.fromAssigneeId) ?? '' })}</p>
          <ul>
            {plan.shares.map((s) => (
              <li key={s.assigneeId}>{t('supervisor.bulk.share', { who: nameOf(s.assigneeId) ?? '', count: s.count })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="btn" disabled={!from || targets.length === 0 || busy} onClick={() => void run(true)} data-testid="sup-bulk-check">
          {t('supervisor.bulk.check')}
        </button>
        <button type="button" className="btn btn-primary" disabled={!plan || plan.matched === 0 || busy} onClick={() => void run(false)} data-testid="sup-bulk-move">
          {busy ? t('common.working') : t('supervisor.bulk.move', { count: plan?.matched ?? 0 })}
        </button>
      </div>
    </form>
  );
}
