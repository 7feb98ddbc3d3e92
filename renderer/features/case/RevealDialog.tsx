/** Unmasking one personal-data field needs a stated reason; the backend audits it. */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FormActions } from '../../components/FormActions';
import { toApiError } from '../../app/api';
import { errorText } from '../../app/errors';
import { useCase, type RevealField } from './caseStore';

const MIN_REASON = 5;
const QUICK_REASONS = ['reveal.quick.verify', 'reveal.quick.dial', 'reveal.quick.letter', 'reveal.quick.request'];

export interface RevealTarget {
  field: RevealField;
  contactPointId?: string;
  label: string;
}

export function RevealDialog({ target, onClose }: { target: RevealTarget; onClose(): void }) {
  const { t } = useTranslation();
  const reveal = useCase((s) => s.reveal);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const tooShort = reason.trim().length < MIN_REASON;

  const submit = async () => {
    if (tooShort || busy) return;
    setBusy(true);
    setError(null);
    try {
      await reveal(target.field, reason.trim(), target.contactPointId);
      onClose();
    } catch (err) {
      setError(errorText(toApiError(err).body, t));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('reveal.title', { field: target.label })} description={t('reveal.explain')} onClose={onClose} initialFocus={input} testId="reveal-dialog">
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          <span>{t('reveal.reason')}</span>
          <input
            ref={input}
            type="text"
            value={reason}
            maxLength={500}
            autoComplete="off"
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={reason.length > 0 && tooShort}
            aria-describedby="reveal-hint"
            data-testid="reveal-reason"
          />
          <span id="reveal-hint" className="field-help">
            {t('reveal.minChars', { count: MIN_REASON })}
          </span>
        </label>
        <div className="quick-picks" role="group" aria-label={t('reveal.quickLabel')}>
          {QUICK_REASONS.map((k) => (
            <button
              key={k}
              type="button"
              className="btn btn-small"
              onClick={() => {
                setReason(t(k));
                input.current?.focus();
              }}
            >
              {t(k)}
            </button>
          ))}
        </div>
        {/* No keys hint: this form has no Ctrl+Enter. */}
        <FormActions error={error} busy={busy} disabled={tooShort} submitLabel={t('reveal.confirm')} onCancel={onClose} testId="reveal-confirm" hint={null} />
      </form>
    </Dialog>
  );
}
