/** Inbound call: type the caller's number (or its last four digits) and open their case. The search is audited. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboundMatch } from '../../../common/api/methods/inbound';
import { call } from '../../app/api';
import { Dialog } from '../../components/Dialog';
import { DialogForm, FormActions } from '../../components/FormActions';
import { useAction } from '../../components/useAction';
import { useNavigation } from '../../stores/navigation';

export function InboundLookup({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [found, setFound] = useState<InboundMatch[] | null>(null);
  const search = useAction(async () => setFound(await call((a) => a.inbound.findByPhone({ number }))));
  const valid = number.replace(/\D/g, '').length >= 4;
  return (
    <Dialog title={t('dayloop.inbound.title')} onClose={onClose} testId="inbound-lookup">
      <DialogForm valid={valid} onSubmit={() => void search.run()}>
        <label className="field">
          <span>{t('dayloop.inbound.label')}</span>
          <input inputMode="tel" autoComplete="off" value={number} onChange={(e) => setNumber(e.target.value)} data-testid="inbound-number" />
        </label>
        <FormActions error={search.error} busy={search.busy} disabled={!valid} submitLabel={t('dayloop.inbound.search')} onCancel={onClose} hint={null} testId="inbound-search" />
      </DialogForm>
      {found !== null ? (
        found.length === 0 ? (
          <p className="muted" role="status">
            {t('dayloop.inbound.none')}
          </p>
        ) : (
          <ul className="plain-list" data-testid="inbound-results">
            {found.map((m) => (
              <li key={`${m.caseId}:${m.contactPointId}`}>
                {t('dayloop.inbound.result', { reference: m.reference, name: m.borrowerName, contact: m.contact, placement: m.placementCode })}{' '}
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => {
                    useNavigation.getState().openCase(m.caseId);
                    onClose();
                  }}
                >
                  {t('dayloop.inbound.openCase')}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </Dialog>
  );
}
