/** The case's action bar and the dialog currently open from it. */
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../common/api/types';
import { useCaseDialogs, type CaseDialog } from '../../stores/caseDialogs';
import { PromiseDialog } from '../promises/PromiseDialog';
import { PlanDialog } from '../promises/PlanDialog';
import { PaymentDialog } from '../promises/PaymentDialog';
import { AffordabilityDialog } from '../promises/AffordabilityDialog';
import { LetterDialog } from '../letters/LetterDialog';
import { ComplaintDialog } from '../complaints/ComplaintDialog';
import { OutcomeDialog } from './OutcomeDialog';

/** Shortcut key per action (shown on the buttons and in the help overlay). */
export const ACTION_KEYS: Record<CaseDialog, string> = {
  promise: 'p',
  plan: 'i',
  payment: 'm',
  letter: 'l',
  affordability: 'a',
  complaint: 'x',
  outcome: 'o',
};

const ORDER: CaseDialog[] = ['promise', 'plan', 'payment', 'letter', 'affordability', 'complaint', 'outcome'];

/** Which actions a case allows in its state (closed and recalled cases take payments and complaints only). */
export function actionEnabled(detail: CaseDetail, action: CaseDialog): boolean {
  const closed = detail.status === 'closed' || detail.status === 'recalled';
  if (!closed) return true;
  return action === 'payment' || action === 'complaint';
}

export function CaseActionBar({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const show = useCaseDialogs((s) => s.show);
  return (
    <div className="case-actions" role="toolbar" aria-label={t('case.actions')}>
      {ORDER.map((a) => (
        <button
          key={a}
          type="button"
          className="btn btn-small"
          onClick={() => show(a)}
          disabled={!actionEnabled(detail, a)}
          data-testid={`action-${a}`}
          title={`${t(`actions.${a}`)} (${ACTION_KEYS[a]})`}
        >
          {t(`actions.${a}`)} <kbd aria-hidden="true">{ACTION_KEYS[a]}</kbd>
        </button>
      ))}
    </div>
  );
}

export function CaseDialogHost({ detail }: { detail: CaseDetail }) {
  const open = useCaseDialogs((s) => s.open);
  const prefill = useCaseDialogs((s) => s.planPrefill);
  const close = useCaseDialogs((s) => s.close);
  switch (open) {
    case null:
      return null;
    case 'promise':
      return <PromiseDialog detail={detail} onClose={close} />;
    case 'plan':
      return <PlanDialog key={JSON.stringify(prefill)} detail={detail} prefill={prefill} onClose={close} />;
    case 'payment':
      return <PaymentDialog detail={detail} onClose={close} />;
    case 'letter':
      return <LetterDialog detail={detail} onClose={close} />;
    case 'affordability':
      return <AffordabilityDialog detail={detail} onClose={close} />;
    case 'complaint':
      return <ComplaintDialog detail={detail} onClose={close} />;
    case 'outcome':
      return <OutcomeDialog detail={detail} onClose={close} />;
  }
}
