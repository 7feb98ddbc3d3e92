import { useTranslation } from 'react-i18next';

/** Error line + Cancel / Submit row shared by the case dialogs and the supervisor's inline forms. */
export function FormActions({
  error,
  busy,
  disabled,
  submitLabel,
  onCancel,
  testId,
  danger,
  hint,
  small,
}: {
  error: string | null;
  busy: boolean;
  disabled?: boolean;
  submitLabel: string;
  onCancel(): void;
  testId?: string;
  danger?: boolean;
  /** The keys hint beside the buttons; defaults to Ctrl+Enter, null for a form without it. */
  hint?: string | null;
  small?: boolean;
}) {
  const { t } = useTranslation();
  const shownHint = hint === undefined ? t('contact.submitHint') : hint;
  const btn = small ? 'btn btn-small' : 'btn';
  return (
    <>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        {shownHint !== null ? <span className="muted small">{shownHint}</span> : null}
        <button type="button" className={btn} onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className={`${btn} ${danger ? 'btn-danger' : 'btn-primary'}`} disabled={busy || disabled} data-testid={testId}>
          {busy ? t('common.working') : submitLabel}
        </button>
      </div>
    </>
  );
}

/** The case dialogs' form: Ctrl+Enter submits from any field, and a submit runs `onSubmit` only while `valid`. */
export function DialogForm({ valid, onSubmit, children }: { valid: boolean; onSubmit(): void; children: React.ReactNode }) {
  return (
    <form
      className="form"
      onKeyDown={submitOnCtrlEnter}
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/** Ctrl+Enter submits the form from any field. */
function submitOnCtrlEnter(e: React.KeyboardEvent<HTMLFormElement>): void {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    e.currentTarget.requestSubmit();
  }
}
