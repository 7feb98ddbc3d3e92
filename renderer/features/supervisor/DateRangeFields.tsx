/** From / to date inputs of a reporting period; the caller checks the period and says where the problem is shown. */
import { useTranslation } from 'react-i18next';
import type { Period } from './period';

const ENDS = ['from', 'to'] as const;

export function DateRangeFields({
  value,
  onChange,
  inline,
  invalid,
  describedBy,
  testId,
}: {
  value: Period;
  onChange(period: Period): void;
  inline?: boolean;
  invalid: boolean;
  describedBy: string | undefined;
  /** The inputs get `${testId}-from` and `${testId}-to`. */
  testId: string;
}) {
  const { t } = useTranslation();
  return ENDS.map((end) => (
    <label key={end} className={inline ? 'field field-inline' : 'field'}>
      <span>{t(`supervisor.period.${end}`)}</span>
      <input
        type="date"
        value={value[end]}
        onChange={(e) => onChange({ from: value.from, to: value.to, [end]: e.target.value })}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        data-testid={`${testId}-${end}`}
      />
    </label>
  ));
}
