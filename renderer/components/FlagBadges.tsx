/** A case's flags as small text badges (the word carries the meaning, colour only supports it). */
import { useTranslation } from 'react-i18next';
import type { CaseFlags } from '../../common/api/types';

const ORDER: (keyof CaseFlags)[] = ['recalled', 'deceased', 'bankrupt', 'cease', 'dispute', 'complaintOpen', 'attorney', 'vulnerable', 'hardship'];
const SEVERE = new Set<keyof CaseFlags>(['recalled', 'deceased', 'bankrupt', 'cease', 'dispute', 'complaintOpen', 'attorney']);

export function activeFlags(flags: CaseFlags): (keyof CaseFlags)[] {
  return ORDER.filter((f) => flags[f]);
}

export function FlagBadges({ flags, max }: { flags: CaseFlags; max?: number }) {
  const { t } = useTranslation();
  const active = activeFlags(flags);
  if (active.length === 0) return null;
  const shown = max ? active.slice(0, max) : active;
  const hidden = active.length - shown.length;
  return (
    <span className="badges">
      {shown.map((f) => (
        <span key={f} className={`badge ${SEVERE.has(f) ? 'badge-severe' : 'badge-care'}`} title={t(`flags.${f}.hint`)}>
          {t(`flags.${f}.label`)}
        </span>
      ))}
      {hidden > 0 ? (
        <span className="badge badge-muted" title={active.slice(shown.length).map((f) => t(`flags.${f}.label`)).join(', ')}>
          +{hidden}
        </span>
      ) : null}
    </span>
  );
}
