/** The supervisor's collector filter and column: who holds a case, by name; collectors see neither. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../stores/session';
import { assignable, useTeam } from '../supervisor/teamStore';
import { usePersonName } from '../supervisor/usePeople';

export function useCanSupervise(): boolean {
  const role = useSession((s) => s.info?.user.role);
  return role === 'supervisor' || role === 'admin';
}

export function CollectorSelect({ value, onChange }: { value: string | null; onChange(id: string | null): void }) {
  const { t } = useTranslation();
  const canSupervise = useCanSupervise();
  const people = useTeam((s) => s.people);
  useEffect(() => {
    if (canSupervise) void useTeam.getState().load();
  }, [canSupervise]);
  if (!canSupervise) return null;
  return (
    <label className="field field-inline">
      <span>{t('queue.filter.collector')}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || null)} data-testid="filter-collector">
        <option value="">{t('queue.filter.allCollectors')}</option>
        {assignable(people).map((p) => (
          <option key={p.id} value={p.id}>
            {p.displayName}
          </option>
        ))}
      </select>
    </label>
  );
}

export function CollectorCell({ assigneeId }: { assigneeId: string | null | undefined }) {
  const nameOf = usePersonName();
  const name = assigneeId ? nameOf(assigneeId) : null;
  // An id the team list does not know is not worth showing as a name.
  return name && name !== assigneeId ? <span title={name}>{name}</span> : <span className="cell-muted">—</span>;
}
