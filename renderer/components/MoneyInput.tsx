/** An amount field: the collector types major units, the form gets integer minor units (or null). */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMoneyInput } from '../../common/domain/money/format';
import { money } from '../app/format';

export interface MoneyInputProps {
  label: string;
  currency: string;
  value: string;
  onChange(text: string, minor: number | null): void;
  hint?: string;
  testId?: string;
  required?: boolean;
  inputRef?: React.Ref<HTMLInputElement>;
}

export function MoneyInput({ label, currency, value, onChange, hint, testId, required, inputRef }: MoneyInputProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const minor = value.trim() === '' ? null : parseMoneyInput(value, currency);
  const invalid = value.trim() !== '' && minor === null;
  return (
    <label className="field">
      <span>
        {label} ({currency})
      </span>
      <input
        ref={inputRef}
        inputMode="decimal"
        autoComplete="off"
        value={value}
        required={required}
        onChange={(e) => onChange(e.target.value, e.target.value.trim() === '' ? null : parseMoneyInput(e.target.value, currency))}
        aria-invalid={invalid}
        aria-describedby={`${id}-hint`}
        data-testid={testId}
      />
      <span id={`${id}-hint`} className="field-help">
        {invalid ? t('form.badAmount') : minor !== null ? money({ minor, currency }, i18n.language) : (hint ?? '')}
      </span>
    </label>
  );
}
