/** Log a borrower's complaint. The case is flagged and contact pauses per the placement's policy. */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../common/api/types';
import type { COMPLAINT_CATEGORIES } from '../../../common/api/methods/complaints';
import { Dialog } from '../../components/Dialog';
import { DialogForm, FormActions } from '../../components/FormActions';
import { useAction } from '../../components/useAction';
import { call } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { afterChange } from '../case/afterChange';

type Category = (typeof COMPLAINT_CATEGORIES)[number];
const CATEGORIES = ['conduct', 'frequency', 'third_party_disclosure', 'amount_disputed', 'privacy', 'vulnerability', 'other'] as const satisfies readonly Category[];
const CHANNELS = ['call', 'letter', 'email', 'sms', 'visit', 'regulator', 'lender'] as const;

export function ComplaintDialog({ detail, onClose }: { detail: CaseDetail; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const [category, setCategory] = useState<Category>('conduct');
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('call');
  const [description, setDescription] = useState('');
  const first = useRef<HTMLSelectElement>(null);
  const valid = description.trim().length >= 5;
  const action = useAction(async () => {
    const c = await call((a) => a.complaints.create({ caseId: detail.id, category, channel, description: description.trim() }));
    onClose();
    await afterChange(t('complaints.created', { due: formatDateTime(c.dueAt, i18n.language) }));
  });
  return (
    <Dialog title={t('complaints.new')} description={t('complaints.explain', { days: detail.placement.complaintResponseDays })} onClose={onClose} initialFocus={first} testId="complaint-dialog">
      <DialogForm valid={valid} onSubmit={() => void action.run()}>
        <label className="field">
          <span>{t('complaints.category')}</span>
          <select ref={first} value={category} onChange={(e) => setCategory(e.target.value as Category)} data-testid="complaint-category">
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`complaints.categories.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('complaints.channel')}</span>
          <select value={channel} onChange={(e) => setChannel(e.target.value as (typeof CHANNELS)[number])} data-testid="complaint-channel">
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`complaints.channels.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('complaints.description')}</span>
          <textarea rows={4} maxLength={10000} value={description} onChange={(e) => setDescription(e.target.value)} aria-invalid={description.length > 0 && !valid} data-testid="complaint-description" />
          <span className="field-help">{t('reveal.minChars', { count: 5 })}</span>
        </label>
        <FormActions error={action.error} busy={action.busy} disabled={!valid} submitLabel={t('complaints.save')} onCancel={onClose} testId="complaint-submit" />
      </DialogForm>
    </Dialog>
  );
}
