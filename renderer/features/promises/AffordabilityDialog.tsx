/** Income and expenditure → what the borrower can afford each month, and a plan to match. */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AffordabilityView, CaseDetail } from '../../../common/api/types';
import { Dialog } from '../../components/Dialog';
import { MoneyInput } from '../../components/MoneyInput';
import { DialogForm, FormActions } from '../../components/FormActions';
import { useAction } from '../../components/useAction';
import { call } from '../../app/api';
import { money } from '../../app/format';
import { useCaseDialogs } from '../../stores/caseDialogs';
import { useUi } from '../../stores/ui';
import { useCase } from '../case/caseStore';

export function AffordabilityDialog({ detail, onClose }: { detail: CaseDetail; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const l = i18n.language;
  const currency = detail.balance.currency;
  const [income, setIncome] = useState('');
  const [incomeMinor, setIncomeMinor] = useState<number | null>(null);
  const [spend, setSpend] = useState('');
  const [spendMinor, setSpendMinor] = useState<number | null>(null);
  const [notes, setNotes] = useState('');
  const [result, setResult] = useState<AffordabilityView | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const valid = incomeMinor !== null && spendMinor !== null;
  const action = useAction(async () => {
    if (incomeMinor === null || spendMinor === null) return;
    const view = await call((a) =>
      a.cases.saveAffordability({ caseId: detail.id, monthlyIncomeMinor: incomeMinor, monthlyExpenditureMinor: spendMinor, notes }),
    );
    setResult(view);
    useUi.getState().notify('success', t('affordability.saved'));
    void useCase.getState().refresh();
  });

  return (
    <Dialog title={t('affordability.title')} description={t('affordability.explain')} onClose={onClose} initialFocus={first} testId="affordability-dialog">
      <DialogForm valid={valid} onSubmit={() => void action.run()}>
        <MoneyInput
          inputRef={first}
          label={t('affordability.income')}
          currency={currency}
          value={income}
          onChange={(text, m) => {
            setIncome(text);
            setIncomeMinor(m);
            setResult(null);
          }}
          testId="affordability-income"
        />
        <MoneyInput
          label={t('affordability.expenditure')}
          currency={currency}
          value={spend}
          onChange={(text, m) => {
            setSpend(text);
            setSpendMinor(m);
            setResult(null);
          }}
          testId="affordability-expenditure"
        />
        <label className="field">
          <span>{t('affordability.notes')}</span>
          <textarea rows={2} maxLength={10000} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </label>
        {result ? (
          <div className="result-box" data-testid="affordability-result" role="status">
            <dl className="facts">
              <dt>{t('affordability.disposable')}</dt>
              <dd>{money(result.disposable, l)}</dd>
              <dt>{t('affordability.suggestedMonthly')}</dt>
              <dd>
                <strong>{money(result.suggestedMonthly, l)}</strong>
              </dd>
              <dt>{t('affordability.suggestedCount')}</dt>
              <dd>{result.suggestedCount === null ? t('affordability.noPlan') : t('affordability.installments', { count: result.suggestedCount })}</dd>
            </dl>
            {result.suggestedCount !== null ? (
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => useCaseDialogs.getState().show('plan', { totalMinor: detail.balance.minor, count: result.suggestedCount ?? undefined })}
                data-testid="affordability-to-plan"
              >
                {t('affordability.makePlan')}
              </button>
            ) : null}
          </div>
        ) : null}
        <FormActions error={action.error} busy={action.busy} disabled={!valid} submitLabel={t('affordability.save')} onCancel={onClose} testId="affordability-submit" />
      </DialogForm>
    </Dialog>
  );
}
